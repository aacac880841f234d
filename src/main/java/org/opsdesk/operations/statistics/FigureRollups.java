package org.opsdesk.operations.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsdesk.operations.statistics.FigureQueries.Tallies;
import org.opsdesk.operations.statistics.FigureQueries.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history-based figures of closed UTC days, stored once (migration V2026120601): reading 30 days of them costs
 * a few hundred small rows instead of joining every transition of those days to its operation and to the entry
 * before it. A day is closed an hour after it ended ({@link #SETTLE_TIME}): every change is dated by the clock of
 * the node that makes it when its transaction starts, so nothing can still arrive for it then.
 */
@Repository
public class FigureRollups {

    /** How long after its end a day can no longer gain history entries dated to it. */
    public static final Duration SETTLE_TIME = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final FigureQueries queries;

    FigureRollups(JdbcClient jdbc, FigureQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** The first day that is not closed at this moment: days before it may be stored. */
    public static LocalDate firstOpenDay(Instant now) {
        return now.minus(SETTLE_TIME).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The days from {@code from} up to (not including) {@code to} whose figures are stored. */
    public Set<LocalDate> storedDays(LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("select day from operations.figure_day where day >= :from and day < :to")
                .param("from", from)
                .param("to", to)
                .query(LocalDate.class)
                .list());
    }

    /**
     * Computes and stores one closed day's figures over every type, in the caller's transaction, unless it is
     * stored already. Two nodes rolling up the same day queue on the day's row; the second finds it and stops.
     *
     * @param terminal the (type, stage) terminal stages of every type, for handling times
     * @return whether this call stored the day
     */
    public boolean rollUp(LocalDate day, List<String[]> terminal) {
        int claimed = jdbc.sql(
                        "insert into operations.figure_day (day, rolled_up_at) values (:day, now()) on conflict do nothing")
                .param("day", day)
                .update();
        if (claimed == 0) {
            return false;
        }
        var window = new Window(
                day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Tallies tallies = queries.tally(null, terminal, window);
        tallies.stageTimes().forEach((key, histogram) -> jdbc.sql(
                        """
                        insert into operations.stage_time_day (day, type, stage, buckets, counts)
                        values (:day, :type, :stage, :buckets, :counts)""")
                .param("day", day)
                .param("type", key.type())
                .param("stage", key.stage())
                .param("buckets", histogram.buckets())
                .param("counts", histogram.counts())
                .update());
        tallies.operators().forEach((key, tally) -> jdbc.sql(
                        """
                        insert into operations.operator_work_day
                          (day, type, operator, name, transitions, approvals, buckets, counts)
                        values (:day, :type, :operator, :name, :transitions, :approvals, :buckets, :counts)""")
                .param("day", day)
                .param("type", key.type())
                .param("operator", key.operator())
                .param("name", tally.name())
                .param("transitions", tally.transitions())
                .param("approvals", tally.approvals())
                .param("buckets", tally.handling().buckets())
                .param("counts", tally.handling().counts())
                .update());
        queries.flows(null, terminal, window).getOrDefault(day, Map.of()).forEach((type, flow) -> jdbc.sql(
                        """
                        insert into operations.flow_day (day, type, created, completed)
                        values (:day, :type, :created, :completed)""")
                .param("day", day)
                .param("type", type)
                .param("created", flow[0])
                .param("completed", flow[1])
                .update());
        return true;
    }

    /** Per stored day in {@code from} up to (not including) {@code to}: [created, completed] of these types. */
    public Map<LocalDate, long[]> flows(List<String> types, LocalDate from, LocalDate to) {
        var flows = new HashMap<LocalDate, long[]>();
        overDays(
                        """
                        select day, sum(created) as created, sum(completed) as completed from operations.flow_day
                        where day >= :from and day < :to and type = any(:types) group by day""",
                        types,
                        from,
                        to)
                .query((rs, n) -> flows.put(
                        rs.getObject("day", LocalDate.class),
                        new long[] {rs.getLong("created"), rs.getLong("completed")}))
                .list();
        return flows;
    }

    /** The stored figures of the days from {@code from} up to (not including) {@code to} for these types, added up. */
    public Tallies read(List<String> types, LocalDate from, LocalDate to) {
        var tallies = Tallies.empty();
        overDays(
                        """
                        select r.type, r.stage, u.bucket, sum(u.n) as n
                        from operations.stage_time_day r
                        cross join lateral unnest(r.buckets, r.counts) as u(bucket, n)
                        where r.day >= :from and r.day < :to and r.type = any(:types)
                        group by 1, 2, 3""",
                        types,
                        from,
                        to)
                .query(tallies::addStageTimes);
        overDays(
                        """
                        select type, operator, max(name) as name, sum(transitions) as transitions,
                          sum(approvals) as approvals
                        from operations.operator_work_day
                        where day >= :from and day < :to and type = any(:types)
                        group by 1, 2""",
                        types,
                        from,
                        to)
                .query(tallies::addMoves);
        overDays(
                        """
                        select r.type, r.operator, max(r.name) as name, u.bucket, sum(u.n) as n
                        from operations.operator_work_day r
                        cross join lateral unnest(r.buckets, r.counts) as u(bucket, n)
                        where r.day >= :from and r.day < :to and r.type = any(:types)
                        group by 1, 2, 4""",
                        types,
                        from,
                        to)
                .query(tallies::addHandling);
        return tallies;
    }

    private JdbcClient.StatementSpec overDays(String sql, List<String> types, LocalDate from, LocalDate to) {
        return jdbc.sql(sql).param("from", from).param("to", to).param("types", types.toArray(String[]::new));
    }
}
