package org.opsdesk.bench.actions;

import static org.opsdesk.bench.Bench.log;
import static org.opsdesk.bench.Bench.secondsSince;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Bulk-loads the registry by SQL (not through the catalog: a million actions would take hours): N persons, each
 * the holder of one active personal account, a user and a balance read from the provider on every tenth account, a
 * random Pix key on every twentieth, an escrow sub-account on every twenty-fifth, three transaction types with
 * limits ({@link #LIMIT_TYPES}) and an account's own Pix limits on every fiftieth, in batches of 100,000 with {@code INSERT … SELECT … FROM generate_series}; then VACUUM ANALYZE. The
 * document numbers are eleven digits without valid check digits and the account numbers' check digit is not the
 * real one: the database checks only their shape, and nothing here validates them again on read.
 */
final class AccountSeeder {

    private static final String BATCH =
            """
            with p as (
              insert into registry.person (id, name, document_type, document_number, birth_date, address, email, phone,
                created_at, created_by, updated_at, updated_by)
              select gen_random_uuid(), 'Bench Person ' || g, 'cpf', lpad(g::text, 11, '0'),
                     date '1960-01-01' + (g % 15000)::int, 'Rua Bench, ' || g || ', São Paulo - SP', 'person' || g || '@bench.example', null,
                     now() - (g % 1000) * interval '1 minute', 'bench-seed', now(), 'bench-seed'
              from generate_series(?::bigint, ?::bigint) g
              returning id, substr(name, 14)::bigint as g
            ), a as (
              insert into registry.account (id, number, holder_kind, holder_id, kind, plan_code, status,
                created_at, created_by, updated_at, updated_by)
              select gen_random_uuid(), lpad(p.g::text, 8, '0') || '-' || (p.g % 10), 'person', p.id, 'personal',
                     'bench', 'active', now() - (p.g % 1000) * interval '1 minute', 'bench-seed', now(), 'bench-seed'
              from p
              returning id, substr(number, 1, 8)::bigint as g
            ), u as (
              insert into registry.account_user (id, account_id, name, email, status, permissions, created_at,
                created_by, updated_at, updated_by)
              select gen_random_uuid(), a.id, 'Bench User ' || a.g, 'user' || a.g || '@bench.example', 'active',
                     '{view,pay}', now(), 'bench-seed', now(), 'bench-seed'
              from a where a.g % 10 = 0
            ), b as (
              insert into registry.provider_balance (account_id, currency, available, blocked, read_at)
              select a.id, 'BRL', (a.g % 100000) / 100.0, 0, now() from a where a.g % 10 = 0
            ), s as (
              insert into registry.sub_account (id, account_id, kind, name, balance, currency, created_at, created_by)
              select gen_random_uuid(), a.id, 'escrow', 'Escrow ' || a.g, (a.g % 5000) / 10.0, 'BRL', now(), 'bench-seed'
              from a where a.g % 25 = 0
            ), l as (
              insert into registry.account_limit (account_id, transaction_type, daytime_amount, nighttime_amount,
                updated_at, updated_by)
              select a.id, 'pix', 2000.00, 500.00, now(), 'bench-seed' from a where a.g % 50 = 0
            )
            insert into registry.pix_key (id, account_id, key_type, key_value, status, created_at, created_by)
            select gen_random_uuid(), a.id, 'random', gen_random_uuid()::text, 'active', now(), 'bench-seed'
            from a where a.g % 20 = 0""";

    /** The transaction types with limits, as a deployment defines them through limit.define (before the batches). */
    private static final String LIMIT_TYPES =
            """
            insert into registry.limit_type (code, daytime_amount, nighttime_amount, currency, created_at, created_by,
              updated_at, updated_by)
            values ('pix', 5000.00, 1000.00, 'BRL', now(), 'bench-seed', now(), 'bench-seed'),
                   ('ted', 20000.00, 5000.00, 'BRL', now(), 'bench-seed', now(), 'bench-seed'),
                   ('boleto', 10000.00, 2000.00, 'BRL', now(), 'bench-seed', now(), 'bench-seed')
            on conflict (code) do nothing""";

    private AccountSeeder() {}

    /** Loads {@code accounts} persons and accounts; returns the seconds it took, vacuum included. */
    static double seed(Connection db, long accounts) throws SQLException {
        long t0 = System.nanoTime();
        final long batch = 100_000;
        try (var st = db.createStatement()) {
            st.execute(LIMIT_TYPES);
        }
        db.setAutoCommit(false);
        try (var ps = db.prepareStatement(BATCH)) {
            for (long from = 1; from <= accounts; from += batch) {
                long to = Math.min(accounts, from + batch - 1);
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.executeUpdate();
                db.commit();
                log(String.format(Locale.ROOT, "seeded %,d / %,d accounts (%.0f s)", to, accounts, secondsSince(t0)));
            }
        }
        db.setAutoCommit(true);
        try (var st = db.createStatement()) {
            for (String table : new String[] {
                "person",
                "account",
                "account_user",
                "provider_balance",
                "sub_account",
                "limit_type",
                "account_limit",
                "pix_key"
            }) {
                st.execute("vacuum analyze registry." + table);
            }
            st.execute("checkpoint");
        }
        return secondsSince(t0);
    }
}
