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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link org.opsdesk.operations.OperationStatistics}. Every query reads a bounded window through an
 * index of migration V2026120510 (EXPLAINed at a million operations in docs/benchmarks.md); the history-based ones
 * ({@link #tally}) are read live for the current day only, and from {@link FigureRollups} for closed days.
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
     * time]. The rest of the type's pending operations are breached. The bound by the longest SLA changes no result
     * but lets the planner estimate the rows from the statistics; with the per-type bound alone it guesses a third
     * of the pending rows and scans the whole table, since the index no longer carries due_at (ADR 0018).
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
                          and o.created_at > :at - make_interval(secs => :longest)
                        group by t.type""")
                .param("at", ts(asOf))
                .param("types", slaByType.keySet().toArray(String[]::new))
                .param(
                        "seconds",
                        slaByType.values().stream().map(Duration::toSeconds).toArray(Long[]::new))
                .param(
                        "longest",
                        slaByType.values().stream()
                                .mapToLong(Duration::toSeconds)
                                .max()
                                .orElse(0))
                .query((rs, n) ->
                        within.put(rs.getString("type"), new long[] {rs.getLong("young"), rs.getLong("on_time")}))
                .list();
        return within;
    }

    /**
     * Per UTC day and type: [operations created, operations completed] within the window. Created counts the
     * operations of these types (all types when null); completed, those that entered one of the {@code terminal}
     * (type, stage) pairs — a terminal stage is never left, so entering it is the completion.
     */
    public Map<LocalDate, Map<String, long[]>> flows(
            @Nullable List<String> types, List<String[]> terminal, Window window) {
        var flows = new HashMap<LocalDate, Map<String, long[]>>();
        var created = windowed(
                """
                select (created_at at time zone 'UTC')::date as day, type, count(*) as n
                from operations.operation
                where created_at >= :from and created_at < :to%s
                group by 1, 2"""
                        .formatted(types == null ? "" : " and type = any(:types)"),
                window);
        withTypes(created, types).query((RowCallbackHandler) row -> count(flows, row, 0));
        if (!terminal.isEmpty()) {
            windowed(
                            """
                            select (o.settled_at at time zone 'UTC')::date as day, o.type, count(*) as n
                            from operations.operation o
                            join unnest(cast(:types as text[]), cast(:stages as text[])) as t(type, stage)
                              on o.type = t.type and o.settled_stage = t.stage
                            where o.settled_at >= :from and o.settled_at < :to
                            group by 1, 2""",
                            window)
                    .param("types", terminal.stream().map(p -> p[0]).toArray(String[]::new))
                    .param("stages", terminal.stream().map(p -> p[1]).toArray(String[]::new))
                    .query((RowCallbackHandler) row -> count(flows, row, 1));
        }
        return flows;
    }

    /** Puts a row of (day, type, n) into slot {@code which} of the flows: 0 created, 1 completed. */
    private static void count(Map<LocalDate, Map<String, long[]>> flows, ResultSet row, int which) throws SQLException {
        flows.computeIfAbsent(row.getObject("day", LocalDate.class), d -> new HashMap<>())
                        .computeIfAbsent(row.getString("type"), t -> new long[2])[which] =
                row.getLong("n");
    }

    /** A stage of a type. */
    public record StageKey(String type, String stage) {}

    /** An operator's work on one type. */
    public record OperatorKey(String type, String operator) {}

    /** What one operator did on one type: moves, approvals, and the handling times of what they completed. */
    public static final class OperatorTally {
        private String name;
        private long transitions;
        private long approvals;
        private final DurationHistogram handling = new DurationHistogram();

        public OperatorTally(String name, long transitions, long approvals) {
            this.name = name;
            this.transitions = transitions;
            this.approvals = approvals;
        }

        public String name() {
            return name;
        }

        public long transitions() {
            return transitions;
        }

        public long approvals() {
            return approvals;
        }

        public DurationHistogram handling() {
            return handling;
        }

        public void add(OperatorTally other) {
            if (transitions + approvals == 0) {
                name = other.name;
            }
            transitions += other.transitions;
            approvals += other.approvals;
            handling.addAll(other.handling);
        }
    }

    /** The history-based figures of a stretch of time: time in stage, and each operator's work, per type. */
    public record Tallies(Map<StageKey, DurationHistogram> stageTimes, Map<OperatorKey, OperatorTally> operators) {

        public static Tallies empty() {
            return new Tallies(new HashMap<>(), new HashMap<>());
        }

        /** Adds another stretch's figures to these. */
        public Tallies add(Tallies other) {
            other.stageTimes.forEach((key, histogram) -> stageTimes
                    .computeIfAbsent(key, k -> new DurationHistogram())
                    .addAll(histogram));
            other.operators.forEach((key, tally) -> operator(key, tally.name()).add(tally));
            return this;
        }

        OperatorTally operator(OperatorKey key, String name) {
            return operators.computeIfAbsent(key, k -> new OperatorTally(name, 0, 0));
        }

        /** Counts a row of (type, stage, bucket, n): n stays of that bucket's length. */
        void addStageTimes(ResultSet row) throws SQLException {
            stageTimes
                    .computeIfAbsent(
                            new StageKey(row.getString("type"), row.getString("stage")), k -> new DurationHistogram())
                    .add(row.getInt("bucket"), row.getLong("n"));
        }

        /** Counts a row of (type, operator, name, transitions, approvals). */
        void addMoves(ResultSet row) throws SQLException {
            operator(new OperatorKey(row.getString("type"), row.getString("operator")), row.getString("name"))
                    .add(new OperatorTally(
                            row.getString("name"), row.getLong("transitions"), row.getLong("approvals")));
        }

        /** Counts a row of (type, operator, name, bucket, n): n operations handled in about that bucket's time. */
        void addHandling(ResultSet row) throws SQLException {
            operator(new OperatorKey(row.getString("type"), row.getString("operator")), row.getString("name"))
                    .handling()
                    .add(row.getInt("bucket"), row.getLong("n"));
        }
    }

    /**
     * Time in stage and operators' work within the window, for these types (all types when null): how long each
     * stage left within the window had been occupied, from the history entry that entered it (creation or
     * transition) to the transition that left it; the moves and approvals of people; and per assignee the
     * operations that entered one of the {@code terminal} (type, stage) pairs within the window, timed from their
     * newest assignment before that.
     */
    public Tallies tally(@Nullable List<String> types, List<String[]> terminal, Window window) {
        var tallies = Tallies.empty();
        String typeFilter = types == null ? "" : " and o.type = any(:types)";
        var stageTimes = windowed(
                """
                select o.type, h.from_stage as stage, %s as bucket, count(*) as n
                from operations.history_entry h
                join operations.operation o on o.id = h.operation_id
                cross join lateral (
                  select e.at from operations.history_entry e
                  where e.operation_id = h.operation_id and e.seq < h.seq
                    and e.kind in ('created', 'transitioned')
                  order by e.seq desc limit 1) entered
                where h.kind = 'transitioned' and h.at >= :from and h.at < :to%s
                group by 1, 2, 3"""
                        .formatted(
                                DurationHistogram.BUCKET_SQL.formatted("extract(epoch from h.at - entered.at)"),
                                typeFilter),
                window);
        withTypes(stageTimes, types).query(tallies::addStageTimes);
        var moves = windowed(
                """
                select o.type, h.actor_id as operator, max(h.actor_name) as name,
                  count(*) filter (where h.kind = 'transitioned') as transitions,
                  count(*) filter (where h.kind = 'approval_given') as approvals
                from operations.history_entry h
                join operations.operation o on o.id = h.operation_id
                where h.kind in ('transitioned', 'approval_given') and h.actor_kind = 'operator'
                  and h.at >= :from and h.at < :to%s
                group by 1, 2"""
                        .formatted(typeFilter),
                window);
        withTypes(moves, types).query(tallies::addMoves);
        if (!terminal.isEmpty()) {
            windowed(
                            """
                            select o.type, o.assignee as operator, o.assignee as name, %s as bucket,
                              count(*) as n
                            from operations.operation o
                            join unnest(cast(:types as text[]), cast(:stages as text[])) as t(type, stage)
                              on o.type = t.type and o.settled_stage = t.stage
                            cross join lateral (
                              select e.at from operations.history_entry e
                              where e.operation_id = o.id and e.kind = 'assigned' and e.at <= o.settled_at
                              order by e.seq desc limit 1) assigned
                            where o.assignee is not null and o.settled_at >= :from and o.settled_at < :to
                            group by 1, 2, 3, 4"""
                                    .formatted(DurationHistogram.BUCKET_SQL.formatted(
                                            "extract(epoch from o.settled_at - assigned.at)")),
                            window)
                    .param("types", terminal.stream().map(p -> p[0]).toArray(String[]::new))
                    .param("stages", terminal.stream().map(p -> p[1]).toArray(String[]::new))
                    .query(tallies::addHandling);
        }
        return tallies;
    }

    private static JdbcClient.StatementSpec withTypes(
            JdbcClient.StatementSpec statement, @Nullable List<String> types) {
        return types == null ? statement : statement.param("types", types.toArray(String[]::new));
    }

    /** A statement over a window: {@code :from} and {@code :to} bound. */
    private JdbcClient.StatementSpec windowed(String sql, Window window) {
        return jdbc.sql(sql).param("from", ts(window.from())).param("to", ts(window.to()));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
