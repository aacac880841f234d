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
 * Reads the status counters that triggers keep on {@code operations.operation} (migration V2026120501), and the
 * check that recounts them: should they ever drift (a manual fix in the database with triggers disabled, say),
 * the check finds each difference and puts it right.
 */
@Component
public class StatusCounters {

    private static final Logger log = LoggerFactory.getLogger(StatusCounters.class);

    private final JdbcClient jdbc;

    StatusCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Type → status → count, for these types (null: all); a few dozen rows whatever the table's size. */
    public Map<String, Map<Status, Long>> read(@Nullable List<String> types) {
        var counts = new HashMap<String, Map<Status, Long>>();
        jdbc.sql(
                        """
                        select type, status, sum(n) as n from operations.status_count
                        where (cast(:all as boolean) or type = any(:types))
                        group by type, status having sum(n) <> 0""")
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
     * Recounts every type and status from the rows and corrects the counters where they differ; returns the
     * differences found. Holds a share lock on the operations while it counts (writers wait, readers do not), so
     * the count and the correction see the same rows; about 0.4 s per 5M operations.
     */
    @Transactional
    public List<CounterDrift> recount() {
        jdbc.sql("lock table operations.operation in share mode").update();
        var drifts = new ArrayList<CounterDrift>();
        jdbc.sql(
                        """
                        with actual as (
                            select type, status, count(*) as n from operations.operation group by type, status),
                        counted as (
                            select type, status, sum(n) as n from operations.status_count group by type, status)
                        select coalesce(a.type, c.type) as type, coalesce(a.status, c.status) as status,
                               coalesce(c.n, 0) as counted, coalesce(a.n, 0) as actual
                        from actual a full join counted c on a.type = c.type and a.status = c.status
                        where coalesce(c.n, 0) <> coalesce(a.n, 0)""")
                .query((rs, row) -> new CounterDrift(
                        rs.getString("type"),
                        Status.valueOf(rs.getString("status")),
                        rs.getLong("counted"),
                        rs.getLong("actual")))
                .list()
                .forEach(drifts::add);
        for (CounterDrift drift : drifts) {
            jdbc.sql(
                            """
                            insert into operations.status_count as c (type, status, shard, n) values (?, ?, 0, ?)
                            on conflict (type, status, shard) do update set n = c.n + excluded.n""")
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
