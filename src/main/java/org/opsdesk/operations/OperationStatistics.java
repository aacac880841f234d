package org.opsdesk.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsdesk.operations.OperationFigures.AgeBucket;
import org.opsdesk.operations.OperationFigures.BacklogByAge;
import org.opsdesk.operations.OperationFigures.DailyFlow;
import org.opsdesk.operations.OperationFigures.OperatorWork;
import org.opsdesk.operations.OperationFigures.SlaBreaches;
import org.opsdesk.operations.OperationFigures.StageTime;
import org.opsdesk.operations.statistics.DurationHistogram;
import org.opsdesk.operations.statistics.FigureQueries;
import org.opsdesk.operations.statistics.FigureQueries.OperatorTally;
import org.opsdesk.operations.statistics.FigureQueries.StageKey;
import org.opsdesk.operations.statistics.FigureQueries.Tallies;
import org.opsdesk.operations.statistics.FigureQueries.Window;
import org.opsdesk.operations.statistics.FigureRollups;
import org.opsdesk.operations.statistics.StatusCounters;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures for dashboards over the operations and their history: the pending backlog by age, SLA breaches, created
 * and completed per day, time spent in each stage, and what each operator did. Only the types the actor may view
 * count. Every figure reads a bounded window through an index made for it (the pending operations younger than the
 * oldest bucket or SLA, the last N days), and takes whatever lies beyond that window from the maintained status
 * counters, all in one repeatable-read snapshot so the parts add up. Time in stage and the operators' work come from
 * daily rollups for closed days and from the history for the current one; their percentiles are read from duration
 * histograms, within {@value org.opsdesk.operations.statistics.DurationHistogram#RELATIVE_ERROR_PERCENT}% of the
 * exact value (docs/adr/0010-dashboard-figures.md).
 */
@Service
public class OperationStatistics {

    /**
     * How far a percentile of durations may be from the exact one, relative: they are read from histograms with
     * logarithmic buckets (sub-millisecond durations are also off by up to half a millisecond).
     */
    public static final double PERCENTILE_RELATIVE_ERROR = DurationHistogram.RELATIVE_ERROR_PERCENT / 100;

    /** How many closed days the schedule keeps rolled up: the dashboard's default window. */
    static final int RECENT_DAYS = 30;

    private final FigureQueries queries;
    private final FigureRollups rollups;
    private final StatusCounters counters;
    private final Workflows workflows;
    private final Clock clock;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    OperationStatistics(
            FigureQueries queries,
            FigureRollups rollups,
            StatusCounters counters,
            Workflows workflows,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.rollups = rollups;
        this.counters = counters;
        this.workflows = workflows;
        this.clock = clock;
        this.reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
        reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.writing = new TransactionTemplate(transactions);
    }

    /**
     * The figures as of {@code query.asOf()}. Closed days missing from the rollups are rolled up first (each in its
     * own short transaction, once for every viewer and node); the rest is read in one repeatable-read snapshot.
     */
    public OperationFigures figures(Actor actor, FigureQuery query) {
        List<String> types = VisibleTypes.of(workflows, actor);
        if (types.isEmpty()) {
            return new OperationFigures(query.asOf(), List.of(), List.of(), emptyDays(query), List.of(), List.of());
        }
        LocalDate firstDay = query.asOf().atZone(ZoneOffset.UTC).toLocalDate().minusDays(query.days() - 1L);
        LocalDate firstOpenDay = firstOpenDay(query.asOf());
        rollUpClosedDays(firstDay, firstOpenDay);
        return reading.execute(status -> {
            Map<String, Long> pending = pending(types);
            var window = new Window(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(), query.asOf());
            List<String[]> terminal = terminalStages(types);
            Tallies tallies = rollups.read(types, firstDay, firstOpenDay);
            var live = new Window(
                    max(window.from(), firstOpenDay.atStartOfDay(ZoneOffset.UTC).toInstant()), window.to());
            if (live.from().isBefore(live.to())) {
                tallies.add(queries.tally(types, terminal, live));
            }
            return new OperationFigures(
                    query.asOf(),
                    backlog(types, pending, query),
                    slaBreaches(types, pending, query),
                    daily(types, terminal, live, firstDay, firstOpenDay, query.days()),
                    stageTimes(tallies),
                    operators(tallies));
        });
    }

    /**
     * Stores the figures of the days from {@code from} up to (not including) {@code to} that are closed by now and
     * not stored yet; days that may still change are left out. Run on a schedule too, so the first viewer after
     * midnight finds yesterday ready.
     */
    public void rollUpClosedDays(LocalDate from, LocalDate to) {
        LocalDate firstOpen = FigureRollups.firstOpenDay(clock.instant());
        LocalDate until = to.isAfter(firstOpen) ? firstOpen : to;
        Set<LocalDate> stored = rollups.storedDays(from, until);
        List<String[]> terminal = null;
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            if (!stored.contains(day)) {
                if (terminal == null) {
                    terminal = terminalStages(workflows.all().stream()
                            .map(WorkflowDefinition::type)
                            .toList());
                }
                LocalDate rolled = day;
                List<String[]> stages = terminal;
                writing.executeWithoutResult(status -> rollups.rollUp(rolled, stages));
            }
        }
    }

    /** Keeps the last {@value #RECENT_DAYS} closed days rolled up, whether anyone opens the dashboard or not. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT30S")
    void rollUpRecentDays() {
        LocalDate firstOpenDay = firstOpenDay(clock.instant());
        rollUpClosedDays(firstOpenDay.minusDays(RECENT_DAYS), firstOpenDay);
    }

    /**
     * The first day whose figures must be read live at {@code asOf}: the day of {@code asOf} itself, or an earlier
     * one that is not closed yet by the clock (a query about the past reads stored days; one about the future does
     * not store days that may still change).
     */
    private LocalDate firstOpenDay(Instant asOf) {
        LocalDate asOfDay = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate open = FigureRollups.firstOpenDay(clock.instant());
        return asOfDay.isBefore(open) ? asOfDay : open;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<StageTime> stageTimes(Tallies tallies) {
        return tallies.stageTimes().entrySet().stream()
                .filter(e -> e.getValue().total() > 0)
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(StageKey::type).thenComparing(StageKey::stage)))
                .map(e -> new StageTime(
                        e.getKey().type(),
                        e.getKey().stage(),
                        e.getValue().total(),
                        e.getValue().percentile(0.5),
                        e.getValue().percentile(0.9)))
                .toList();
    }

    private Map<String, Long> pending(List<String> types) {
        var pending = new HashMap<String, Long>();
        counters.read(types).forEach((type, counts) -> pending.put(type, counts.getOrDefault(Status.PENDING, 0L)));
        return pending;
    }

    /** The young buckets counted from the rows; the oldest is what the counter holds beyond them. */
    private List<BacklogByAge> backlog(List<String> types, Map<String, Long> pending, FigureQuery query) {
        Map<String, Map<AgeBucket, Long>> young = queries.youngBacklog(types, query.asOf());
        var backlog = new ArrayList<BacklogByAge>();
        for (String type : types) {
            var counts = new HashMap<>(young.getOrDefault(type, Map.of()));
            long counted = counts.values().stream().mapToLong(Long::longValue).sum();
            counts.put(AgeBucket.OVER_3D, pending.getOrDefault(type, 0L) - counted);
            backlog.add(new BacklogByAge(type, counts));
        }
        return backlog;
    }

    /** Breached = pending minus those still within both their due time and their type's SLA (a bounded window). */
    private List<SlaBreaches> slaBreaches(List<String> types, Map<String, Long> pending, FigureQuery query) {
        var slas = new LinkedHashMap<String, Duration>();
        types.forEach(type -> slas.put(type, query.sla(type)));
        Map<String, long[]> within = queries.withinSla(slas, query.asOf());
        var breaches = new ArrayList<SlaBreaches>();
        for (String type : types) {
            long all = pending.getOrDefault(type, 0L);
            long[] young = within.getOrDefault(type, new long[2]); // [created within the SLA, of which not due]
            breaches.add(new SlaBreaches(type, slas.get(type), all, all - young[1], all - young[0]));
        }
        return breaches;
    }

    /** Closed days from their stored flows, the open ones counted from the rows of the live window. */
    private List<DailyFlow> daily(
            List<String> types,
            List<String[]> terminal,
            Window live,
            LocalDate firstDay,
            LocalDate firstOpenDay,
            int days) {
        Map<LocalDate, long[]> flows = new HashMap<>(rollups.flows(types, firstDay, firstOpenDay));
        if (live.from().isBefore(live.to())) {
            queries.flows(types, terminal, live).forEach((day, byType) -> {
                long[] sum = new long[2];
                byType.values().forEach(flow -> {
                    sum[0] += flow[0];
                    sum[1] += flow[1];
                });
                flows.put(day, sum);
            });
        }
        var daily = new ArrayList<DailyFlow>();
        for (int i = 0; i < days; i++) {
            LocalDate day = firstDay.plusDays(i);
            long[] flow = flows.getOrDefault(day, new long[2]);
            daily.add(new DailyFlow(day, flow[0], flow[1]));
        }
        return daily;
    }

    /** Per operator over all the types counted: moves, approvals, and the median handling time. */
    private static List<OperatorWork> operators(Tallies tallies) {
        var byOperator = new HashMap<String, OperatorTally>();
        tallies.operators().forEach((key, tally) -> byOperator
                .computeIfAbsent(key.operator(), k -> new OperatorTally(tally.name(), 0, 0))
                .add(tally));
        return byOperator.entrySet().stream()
                .map(e -> new OperatorWork(
                        e.getKey(),
                        e.getValue().name(),
                        e.getValue().transitions(),
                        e.getValue().approvals(),
                        e.getValue().handling().total(),
                        e.getValue().handling().percentile(0.5)))
                .sorted(Comparator.comparing(OperatorWork::transitions)
                        .thenComparing(OperatorWork::handled)
                        .reversed()
                        .thenComparing(OperatorWork::operator))
                .toList();
    }

    /** (type, stage) of every terminal stage of these types, in any version still in force for new operations. */
    private List<String[]> terminalStages(List<String> types) {
        var pairs = new ArrayList<String[]>();
        for (String type : types) {
            workflows.current(type).map(WorkflowDefinition::stages).orElse(List.of()).stream()
                    .filter(Stage::terminal)
                    .forEach(stage -> pairs.add(new String[] {type, stage.code()}));
        }
        return pairs;
    }

    private static List<DailyFlow> emptyDays(FigureQuery query) {
        LocalDate last = query.asOf().atZone(ZoneOffset.UTC).toLocalDate();
        var days = new ArrayList<DailyFlow>();
        for (int i = query.days() - 1; i >= 0; i--) {
            days.add(new DailyFlow(last.minusDays(i), 0, 0));
        }
        return days;
    }
}
