package org.opsdesk.operations.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.CounterDrift;
import org.opsdesk.workflow.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status counters on {@code operations.operation} (migrations V2026120501 and V2026120790, ADR 0018): every
 * change appends its deltas by trigger in its own transaction, {@link #fold} adds them to the totals now and then,
 * and readers add the deltas not yet folded to the totals, so what they read is exact. Also the check that
 * recounts the rows: should the counters ever drift (a manual fix in the database with triggers disabled, say),
 * it finds each difference and puts it right.
 */
@Component
public class StatusCounters {

    private static final Logger log = LoggerFactory.getLogger(StatusCounters.class);

    /** The totals and the deltas not yet folded into them, as one relation of (type, status, n). */
    private static final String COUNTED =
            """
            (select type, status, n from operations.status_count
             union all
             select type, status, n from operations.status_count_delta) counted""";

    private final JdbcClient jdbc;

    StatusCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Type → status → count, for these types (null: all); a few dozen rows whatever the table's size. */
    public Map<String, Map<Status, Long>> read(@Nullable List<String> types) {
        var counts = new HashMap<String, Map<Status, Long>>();
        jdbc.sql(
                        """
                        select type, status, sum(n) as n from %s
                        where (cast(:all as boolean) or type = any(:types))
                        group by type, status having sum(n) <> 0"""
                                .formatted(COUNTED))
                .param("all", types == null)
                .param("types", types == null ? new String[0] : types.toArray(String[]::new))
                .query((rs, row) -> {
                    counts.computeIfAbsent(rs.getString("type"), t -> new HashMap<>())
                            .put(Status.valueOf(rs.getString("status")), rs.getLong("n"));
                    return null;
                })
                .list();
        return counts;
    }

    /**
     * Adds the pending deltas to the totals and deletes them, in one transaction: a crash leaves both as they
     * were, and a delta is never added twice. One node folds at a time (an advisory lock; the others return at
     * once), and even without the lock a second fold's DELETE would skip the rows the first one deleted. Returns
     * the deltas folded (0 also when another node holds the lock).
     */
    @Transactional
    public int fold() {
        Boolean ours = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('operations.status_count_fold'))")
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(ours)) {
            return 0;
        }
        return jdbc.sql(
                        """
                        with folded as (delete from operations.status_count_delta returning type, status, n),
                        summed as (
                            insert into operations.status_count as c (type, status, n)
                            select type, status, sum(n) from folded group by type, status
                            on conflict (type, status) do update set n = c.n + excluded.n)
                        select count(*) from folded""")
                .query(Integer.class)
                .single();
    }

    /**
     * Recounts every type and status from the rows and corrects the counters where they differ; returns the
     * differences found. Holds a share lock on the operations while it counts (writers wait, readers do not), so
     * the count and the correction see the same rows; about 0.4 s per 5M operations. The correction is a delta
     * like any change's, so a fold running meanwhile cannot lose it.
     */
    @Transactional
    public List<CounterDrift> recount() {
        jdbc.sql("lock table operations.operation in share mode").update();
        var drifts = new ArrayList<CounterDrift>();
        jdbc.sql(
                        """
                        with actual as (
                            select type, status, count(*) as n from operations.operation group by type, status),
                        counted as (select type, status, sum(n) as n from %s group by type, status)
                        select coalesce(a.type, c.type) as type, coalesce(a.status, c.status) as status,
                               coalesce(c.n, 0) as counted, coalesce(a.n, 0) as actual
                        from actual a full join counted c on a.type = c.type and a.status = c.status
                        where coalesce(c.n, 0) <> coalesce(a.n, 0)"""
                                .formatted(COUNTED))
                .query((rs, row) -> new CounterDrift(
                        rs.getString("type"),
                        Status.valueOf(rs.getString("status")),
                        rs.getLong("counted"),
                        rs.getLong("actual")))
                .list()
                .forEach(drifts::add);
        for (CounterDrift drift : drifts) {
            jdbc.sql("insert into operations.status_count_delta (type, status, n) values (?, ?, ?)")
                    .params(drift.type(), drift.status().name(), drift.actual() - drift.counted())
                    .update();
            log.warn(
                    "Status counter for {} {} said {} but there are {} operations: corrected",
                    drift.type(),
                    drift.status(),
                    drift.counted(),
                    drift.actual());
        }
        return drifts;
    }
}
