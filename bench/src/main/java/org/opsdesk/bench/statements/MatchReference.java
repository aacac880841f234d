package org.opsdesk.bench.statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The fixed reference of the match phase: the minimal SQL that confirms {@code n} paid orders the way matching
 * must — per entry its match row and its decision, per order the row moved through two stages with two history
 * entries and two outbox events — on tables with only their primary keys, no triggers, no JSON, nothing computed in
 * Java, in slices of 1,000 (one transaction each, as the matcher's batches), with {@code fsync} and synchronous
 * commit on as the app's database has them. Its time is the floor the product's matching is measured against
 * ("product ÷ reference"); everything else the product does (indexes for the console's lists, status counters,
 * hash chains, rules, notifications) is the product's cost.
 */
final class MatchReference {

    private static final int SLICE = 1_000;

    private MatchReference() {}

    /** Seconds to confirm {@code n} orders; the scratch schema is dropped afterwards. */
    static double seconds(Connection db, int n) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        try (var st = db.createStatement()) {
            db.setAutoCommit(true);
            st.execute("drop schema if exists bench_match_ref cascade");
            st.execute("create schema bench_match_ref");
            st.execute("create table bench_match_ref.operation (id uuid primary key, stage text not null,"
                    + " status text not null, version int not null, updated_at timestamptz not null)");
            st.execute("create table bench_match_ref.history (operation_id uuid, seq int, from_stage text,"
                    + " to_stage text, actor text, reason text, at timestamptz, primary key (operation_id, seq))");
            st.execute("create table bench_match_ref.outbox (id bigserial primary key, operation_id uuid,"
                    + " to_stage text, at timestamptz)");
            st.execute("create table bench_match_ref.payment_match (entry_id bigint primary key, order_id uuid,"
                    + " state text, rule text, score int, at timestamptz)");
            st.execute("create table bench_match_ref.payment_decision (id bigserial primary key, entry_id bigint,"
                    + " decision text, order_id uuid, at timestamptz)");
            var ids = new ArrayList<UUID>(n);
            for (int i = 0; i < n; i++) {
                ids.add(UUID.randomUUID());
            }
            for (int from = 0; from < n; from += SLICE * 10) {
                insertOrders(db, ids.subList(from, Math.min(n, from + SLICE * 10)));
            }
            st.execute("vacuum analyze bench_match_ref.operation");
            db.setAutoCommit(false);
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += SLICE) {
                confirm(db, ids.subList(from, Math.min(n, from + SLICE)), from);
                db.commit();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            db.setAutoCommit(true);
            st.execute("drop schema bench_match_ref cascade");
            return seconds;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static void insertOrders(Connection db, List<UUID> ids) throws SQLException {
        try (var ps = db.prepareStatement("insert into bench_match_ref.operation"
                + " select id, 'awaiting_payment', 'PENDING', 1, now() from unnest(?::uuid[]) as t(id)")) {
            ps.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** One slice: claim the entries, move the orders, two history entries and two events each, log the matches. */
    private static void confirm(Connection db, List<UUID> ids, long firstEntry) throws SQLException {
        var entries = new Long[ids.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = firstEntry + i;
        }
        var orders = db.createArrayOf("uuid", ids.toArray());
        var entryIds = db.createArrayOf("bigint", entries);
        try (var claim = db.prepareStatement("insert into bench_match_ref.payment_match"
                        + " select e, o, 'MATCHED', 'REFERENCE', 100, now()"
                        + " from unnest(?::bigint[], ?::uuid[]) as t(e, o) on conflict (entry_id) do nothing");
                var lock = db.prepareStatement(
                        "select id, stage from bench_match_ref.operation where id = any(?) order by id for update");
                var move = db.prepareStatement("update bench_match_ref.operation o set stage = 'payout_pending',"
                        + " status = 'PENDING', version = version + 2, updated_at = now()"
                        + " from unnest(?::uuid[]) as t(id) where o.id = t.id and o.stage = 'awaiting_payment'");
                var history = db.prepareStatement("insert into bench_match_ref.history"
                        + " select id, s.seq, s.from_stage, s.to_stage, 'payment-matching', 'matched', now()"
                        + " from unnest(?::uuid[]) as t(id), (values (2, 'awaiting_payment', 'funds_received'),"
                        + " (3, 'funds_received', 'payout_pending')) as s(seq, from_stage, to_stage)");
                var events = db.prepareStatement("insert into bench_match_ref.outbox (operation_id, to_stage, at)"
                        + " select id, s, now() from unnest(?::uuid[]) as t(id),"
                        + " unnest(array['funds_received', 'payout_pending']) as s");
                var decided = db.prepareStatement("insert into bench_match_ref.payment_decision"
                        + " (entry_id, decision, order_id, at) select e, 'MATCHED', o, now()"
                        + " from unnest(?::bigint[], ?::uuid[]) as t(e, o)")) {
            claim.setArray(1, entryIds);
            claim.setArray(2, orders);
            claim.executeUpdate();
            lock.setArray(1, orders);
            try (var rs = lock.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                }
            }
            for (var statement : List.of(move, history, events)) {
                statement.setArray(1, orders);
                statement.executeUpdate();
            }
            decided.setArray(1, entryIds);
            decided.setArray(2, orders);
            decided.executeUpdate();
        }
    }
}
