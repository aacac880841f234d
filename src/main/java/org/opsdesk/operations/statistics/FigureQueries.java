package org.opsdesk.operations.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationFigures.AgeBucket;
import org.opsdesk.operations.OperationFigures.OperatorWork;
import org.opsdesk.operations.OperationFigures.StageTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link org.opsdesk.operations.OperationStatistics}. Every query reads a bounded window through an
 * index of migration V2026120510 (EXPLAINed at a million operations in docs/benchmarks.md).
 */
@Repository
public class FigureQueries {

    /** From the start of the first day of a window (inclusive) to the moment the figures describe (exclusive). */
    public record Window(Instant from, Instant to) {}

    private final JdbcClient jdbc;

    FigureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Pending operations per type created within the last 3 days, in the buckets younger than 3 days. */
    public Map<String, Map<AgeBucket, Long>> youngBacklog(List<String> types, Instant asOf) {
        var backlog = new HashMap<String, Map<AgeBucket, Long>>();
        jdbc.sql(
                        """
                        select type,
                          count(*) filter (where created_at > :at - interval '1 hour') as b0,
                          count(*) filter (where created_at <= :at - interval '1 hour'
                                             and created_at > :at - interval '4 hours') as b1,
                          count(*) filter (where created_at <= :at - interval '4 hours'
                                             and created_at > :at - interval '1 day') as b2,
                          count(*) filter (where created_at <= :at - interval '1 day') as b3
                        from operations.operation
                        where status = 'PENDING' and type = any(:types) and created_at > :at - interval '3 days'
                        group by type""")
                .param("at", ts(asOf))
                .param("types", types.toArray(String[]::new))
                .query((rs, n) -> {
                    var counts = new EnumMap<AgeBucket, Long>(AgeBucket.class);
                    AgeBucket[] buckets = AgeBucket.values();
                    for (int i = 0; i < 4; i++) {
                        counts.put(buckets[i], rs.getLong("b" + i));
                    }
                    return backlog.put(rs.getString("type"), counts);
                })
                .list();
        return backlog;
    }

    /**
     * Per type: [pending operations created within the type's SLA, of which neither due yet nor without a due
     * time]. The rest of the type's pending operations are breached.
     */
    public Map<String, long[]> withinSla(Map<String, Duration> slaByType, Instant asOf) {
        var within = new HashMap<String, long[]>();
        jdbc.sql(
                        """
                        select t.type, count(*) as young,
                          count(*) filter (where o.due_at is null or o.due_at >= :at) as on_time
                        from unnest(cast(:types as text[]), cast(:seconds as bigint[])) as t(type, seconds)
                        join operations.operation o on o.type = t.type and o.status = 'PENDING'
                          and o.created_at > :at - make_interval(secs => t.seconds)
                        group by t.type""")
                .param("at", ts(asOf))
                .param("types", slaByType.keySet().toArray(String[]::new))
                .param(
                        "seconds",
                        slaByType.values().stream().map(Duration::toSeconds).toArray(Long[]::new))
                .query((rs, n) ->
                        within.put(rs.getString("type"), new long[] {rs.getLong("young"), rs.getLong("on_time")}))
                .list();
        return within;
    }

    public Map<LocalDate, Long> createdPerDay(List<String> types, Window window) {
        return perDay(
                """
                select (created_at at time zone 'UTC')::date as day, count(*) as n
                from operations.operation
                where created_at >= :from and created_at < :to and type = any(cast(:types as text[]))
                group by 1""",
                window,
                types.toArray(String[]::new),
                null);
    }

    /** Operations that entered one of these (type, stage) terminal stages within the window, per day. */
    public Map<LocalDate, Long> completedPerDay(List<String[]> terminal, Window window) {
        return perDay(
                """
                select (o.stage_entered_at at time zone 'UTC')::date as day, count(*) as n
                from operations.operation o
                join unnest(cast(:types as text[]), cast(:stages as text[])) as t(type, stage)
                  on o.type = t.type and o.stage = t.stage
                where o.status <> 'PENDING' and o.stage_entered_at >= :from and o.stage_entered_at < :to
                group by 1""",
                window,
                terminal.stream().map(p -> p[0]).toArray(String[]::new),
                terminal.stream().map(p -> p[1]).toArray(String[]::new));
    }

    private Map<LocalDate, Long> perDay(String sql, Window window, String[] types, String @Nullable [] stages) {
        var perDay = new HashMap<LocalDate, Long>();
        var statement = windowed(sql, window).param("types", types);
        if (stages != null) {
            statement = statement.param("stages", stages);
        }
        statement
                .query((rs, n) -> perDay.put(rs.getObject("day", LocalDate.class), rs.getLong("n")))
                .list();
        return perDay;
    }

    /**
     * For every stage left within the window: how long the operation had been in it, from the history entry that
     * entered it (creation or transition) to the transition that left it. Median and 90th percentile per stage.
     */
    public List<StageTime> stageTimes(List<String> types, Window window) {
        return windowed(
                        """
                        select o.type, h.from_stage as stage, count(*) as visits,
                          percentile_cont(0.5) within group (order by extract(epoch from h.at - entered.at)) as median,
                          percentile_cont(0.9) within group (order by extract(epoch from h.at - entered.at)) as p90
                        from operations.history_entry h
                        join operations.operation o on o.id = h.operation_id
                        cross join lateral (
                          select e.at from operations.history_entry e
                          where e.operation_id = h.operation_id and e.seq < h.seq
                            and e.kind in ('created', 'transitioned')
                          order by e.seq desc limit 1) entered
                        where h.kind = 'transitioned' and h.at >= :from and h.at < :to and o.type = any(:types)
                        group by o.type, h.from_stage
                        order by o.type, h.from_stage""",
                        window)
                .param("types", types.toArray(String[]::new))
                .query((rs, n) -> new StageTime(
                        rs.getString("type"),
                        rs.getString("stage"),
                        rs.getLong("visits"),
                        seconds(rs, "median"),
                        seconds(rs, "p90")))
                .list();
    }

    /** Per operator (people only, not keys or timers): transitions made and approvals given within the window. */
    public List<OperatorWork> moves(List<String> types, Window window) {
        return windowed(
                        """
                        select h.actor_id, max(h.actor_name) as name,
                          count(*) filter (where h.kind = 'transitioned') as transitions,
                          count(*) filter (where h.kind = 'approval_given') as approvals
                        from operations.history_entry h
                        join operations.operation o on o.id = h.operation_id
                        where h.kind in ('transitioned', 'approval_given') and h.actor_kind = 'operator'
                          and h.at >= :from and h.at < :to and o.type = any(:types)
                        group by h.actor_id""",
                        window)
                .param("types", types.toArray(String[]::new))
                .query((rs, n) -> new OperatorWork(
                        rs.getString("actor_id"),
                        rs.getString("name"),
                        rs.getLong("transitions"),
                        rs.getLong("approvals"),
                        0,
                        null))
                .list();
    }

    /**
     * Per assignee: operations that reached a terminal stage within the window while assigned to them, and the
     * median time from the assignment (the newest before completion) to completion.
     */
    public List<OperatorWork> handling(List<String[]> terminal, Window window) {
        return windowed(
                        """
                        select o.assignee, count(*) as handled,
                          percentile_cont(0.5) within group (
                            order by extract(epoch from o.stage_entered_at - assigned.at)) as median
                        from operations.operation o
                        join unnest(cast(:types as text[]), cast(:stages as text[])) as t(type, stage)
                          on o.type = t.type and o.stage = t.stage
                        cross join lateral (
                          select e.at from operations.history_entry e
                          where e.operation_id = o.id and e.kind = 'assigned' and e.at <= o.stage_entered_at
                          order by e.seq desc limit 1) assigned
                        where o.status <> 'PENDING' and o.assignee is not null
                          and o.stage_entered_at >= :from and o.stage_entered_at < :to
                        group by o.assignee""",
                        window)
                .param("types", terminal.stream().map(p -> p[0]).toArray(String[]::new))
                .param("stages", terminal.stream().map(p -> p[1]).toArray(String[]::new))
                .query((rs, n) -> new OperatorWork(
                        rs.getString("assignee"),
                        rs.getString("assignee"),
                        0,
                        0,
                        rs.getLong("handled"),
                        seconds(rs, "median")))
                .list();
    }

    /** A statement over a window: {@code :from} and {@code :to} bound. */
    private JdbcClient.StatementSpec windowed(String sql, Window window) {
        return jdbc.sql(sql).param("from", ts(window.from())).param("to", ts(window.to()));
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
