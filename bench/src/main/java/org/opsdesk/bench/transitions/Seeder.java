package org.opsdesk.bench.transitions;

import static org.opsdesk.bench.Bench.log;
import static org.opsdesk.bench.Bench.secondsSince;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Fills the app's empty database with SQL: N operations of the 12 shipped types ({@link SeedMix}) and M
 * {@code bench_ping} operations, each with a placeholder {@code created} history entry, in batches of 100,000 with
 * {@code INSERT … SELECT … FROM generate_series}; then VACUUM ANALYZE and a CHECKPOINT. The other benchmarks seed
 * with it too.
 */
public final class Seeder {

    static final String SEEDED_SUBJECT = "client-4242";

    private final long operations;
    private final int pingOperations;

    public Seeder(BenchConfig cfg) {
        this(cfg.operations(), cfg.pingOperations());
    }

    /** N operations of the shipped types and M bench_ping operations (the other benchmarks' own sizes). */
    public Seeder(long operations, int pingOperations) {
        this.operations = operations;
        this.pingOperations = pingOperations;
    }

    public SeedFacts seed(Connection db) throws SQLException {
        SeedFacts facts = new SeedFacts();
        Map<String, SeedMix.TypeInfo> types = SeedMix.types(db);
        facts.workflowVersions = new TreeMap<>();
        types.forEach((t, i) -> facts.workflowVersions.put(t, i.version()));
        facts.mix = SeedMix.write(db, types);
        int pingVersion = types.get("bench_ping").version();
        String seedSql =
                """
                with ins as (
                  insert into operations.operation (id, type, workflow_version, reference, subject, status, stage,
                    amount, currency, assignee, attributes, version, created_at, updated_at, stage_entered_at,
                    due_at, timer_at, history_head)
                  select s.id, m.type, m.wv, 'SEED-' || s.g, 'client-' || (s.g % 200000), m.status, m.stage,
                    case when m.currency is not null then round((5 + random() * 4995)::numeric, 2) end, m.currency,
                    case when s.g % 10 = 0 then 'operator-' || (s.g % 37) end,
                    jsonb_build_object('channel', (array['web','ios','android','api'])[1 + (s.g % 4)::int],
                                       'country', (array['DE','FR','GB','ES','NL','PL'])[1 + (s.g % 6)::int],
                                       'riskScore', (s.g % 100)::int),
                    1, s.c, s.c + s.u, s.c + s.u, null, null, sha256(s.id::text::bytea)
                  from (select g, gen_random_uuid() as id,
                               date_trunc('milliseconds', now() - random() * interval '365 days') as c,
                               date_trunc('milliseconds', random() * interval '2 hours') as u,
                               floor(random() * 10000)::int as slot
                        from generate_series(?::bigint, ?::bigint) g) s
                  join bench_mix m on m.slot = s.slot
                  returning id, type, created_at, stage, status, reference, subject, workflow_version
                )
                insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name,
                  from_stage, from_status, to_stage, to_status, reason, comment, override, changes, request_id,
                  previous_hash, hash)
                select id, 1, 'created', created_at, 'system', 'bench-seed', 'bench seed', null, null, stage, status,
                  null, null, false,
                  json_build_object('reference', reference, 'subject', subject, 'workflowVersion', workflow_version)::text,
                  null, null, sha256(id::text::bytea)
                from ins""";
        String pingSql =
                """
                with ins as (
                  insert into operations.operation (id, type, workflow_version, reference, subject, status, stage,
                    amount, currency, assignee, attributes, version, created_at, updated_at, stage_entered_at,
                    due_at, timer_at, history_head)
                  select s.id, 'bench_ping', ?, 'PING-' || s.g, 'bench-' || s.g, 'PENDING', 'ping', null, null, null,
                    jsonb_build_object('channel', 'bench', 'riskScore', (s.g % 100)::int),
                    1, s.c, s.c, s.c, null, null, sha256(s.id::text::bytea)
                  from (select g, gen_random_uuid() as id,
                               date_trunc('milliseconds', now() - interval '400 days' + g * interval '1 second') as c
                        from generate_series(?::bigint, ?::bigint) g) s
                  returning id, created_at, reference, subject, workflow_version
                )
                insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name,
                  from_stage, from_status, to_stage, to_status, reason, comment, override, changes, request_id,
                  previous_hash, hash)
                select id, 1, 'created', created_at, 'system', 'bench-seed', 'bench seed', null, null, 'ping',
                  'PENDING', null, null, false,
                  json_build_object('reference', reference, 'subject', subject, 'workflowVersion', workflow_version)::text,
                  null, null, sha256(id::text::bytea)
                from ins""";

        final long batch = 100_000;
        long t0 = System.nanoTime();
        db.setAutoCommit(false);
        try (var st = db.createStatement()) {
            st.execute("set statement_timeout = '20min'");
            st.execute("select setseed(0.42)");
        }
        db.commit();
        try (var ps = db.prepareStatement(seedSql)) {
            for (long from = 1; from <= operations; from += batch) {
                long to = Math.min(operations, from + batch - 1);
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.executeUpdate();
                db.commit();
                log(String.format(
                        Locale.ROOT, "seeded %,d / %,d operations (%.0f s)", to, operations, secondsSince(t0)));
            }
        }
        try (var ps = db.prepareStatement(pingSql)) {
            ps.setInt(1, pingVersion);
            ps.setLong(2, 1);
            ps.setLong(3, pingOperations);
            ps.executeUpdate();
            db.commit();
        }
        facts.seedInsertSeconds = secondsSince(t0);
        log(String.format(
                Locale.ROOT,
                "seeded %,d bench_ping operations; inserts took %.1f s",
                pingOperations,
                facts.seedInsertSeconds));
        db.setAutoCommit(true);
        long t1 = System.nanoTime();
        try (var st = db.createStatement()) {
            st.execute("drop table bench_mix");
            st.execute("vacuum analyze operations.operation");
            st.execute("vacuum analyze operations.history_entry");
            st.execute("vacuum analyze operations.outbox");
        }
        facts.vacuumSeconds = secondsSince(t1);
        long t2 = System.nanoTime();
        try (var st = db.createStatement()) {
            st.execute("checkpoint");
        }
        facts.checkpointSeconds = secondsSince(t2);
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        """
                        select (select count(*) from operations.operation),
                               (select count(*) from operations.history_entry),
                               pg_total_relation_size('operations.operation'),
                               pg_total_relation_size('operations.history_entry'),
                               pg_database_size(current_database()),
                               (select count(*) from operations.operation where type = 'withdrawal' and status = 'PENDING'),
                               (select count(*) from operations.operation where subject = '"""
                                + SEEDED_SUBJECT + "')")) {
            rs.next();
            facts.rowsOperation = rs.getLong(1);
            facts.rowsHistory = rs.getLong(2);
            facts.sizeOperation = rs.getLong(3);
            facts.sizeHistory = rs.getLong(4);
            facts.sizeDatabase = rs.getLong(5);
            facts.withdrawalPending = rs.getLong(6);
            facts.subjectRows = rs.getLong(7);
        }
        log(String.format(
                Locale.ROOT,
                "vacuum analyze %.1f s, checkpoint %.1f s; %,d operations, %,d history rows",
                facts.vacuumSeconds,
                facts.checkpointSeconds,
                facts.rowsOperation,
                facts.rowsHistory));

        List<UUID> ping = new ArrayList<>();
        try (var st = db.createStatement();
                var rs = st.executeQuery("select id from operations.operation where type = 'bench_ping'"
                        + " order by substr(reference, 6)::bigint")) {
            while (rs.next()) {
                ping.add(rs.getObject(1, UUID.class));
            }
        }
        facts.pingIds = ping;
        try (var st = db.createStatement();
                var rs = st.executeQuery("select id::text, name from access.api_key where name = 'bootstrap'")) {
            if (!rs.next()) {
                throw new IllegalStateException("the bootstrap API key is not in access.api_key");
            }
            facts.actorId = rs.getString(1);
            facts.actorName = rs.getString(2);
        }
        return facts;
    }
}
