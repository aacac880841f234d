package org.opsdesk.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsdesk.operations.OperationFigures.AgeBucket;
import org.opsdesk.operations.OperationFigures.BacklogByAge;
import org.opsdesk.operations.OperationFigures.DailyFlow;
import org.opsdesk.operations.OperationFigures.OperatorWork;
import org.opsdesk.operations.OperationFigures.SlaBreaches;
import org.opsdesk.operations.lifecycle.StatusCounters;
import org.opsdesk.operations.statistics.FigureQueries;
import org.opsdesk.operations.statistics.FigureQueries.Window;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for dashboards over the operations and their history: the pending backlog by age, SLA breaches, created
 * and completed per day, time spent in each stage, and what each operator did. Only the types the actor may view
 * count. Every figure reads a bounded window through an index made for it (the pending operations younger than the
 * oldest bucket or SLA, the last N days), and takes whatever lies beyond that window from the maintained status
 * counters, all in one repeatable-read snapshot so the parts add up (docs/adr/0010-dashboard-figures.md).
 */
@Service
public class OperationStatistics {

    private final FigureQueries queries;
    private final StatusCounters counters;
    private final Workflows workflows;

    OperationStatistics(FigureQueries queries, StatusCounters counters, Workflows workflows) {
        this.queries = queries;
        this.counters = counters;
        this.workflows = workflows;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public OperationFigures figures(Actor actor, FigureQuery query) {
        List<String> types = VisibleTypes.of(workflows, actor);
        if (types.isEmpty()) {
            return new OperationFigures(query.asOf(), List.of(), List.of(), emptyDays(query), List.of(), List.of());
        }
        Map<String, Long> pending = pending(types);
        LocalDate firstDay = query.asOf().atZone(ZoneOffset.UTC).toLocalDate().minusDays(query.days() - 1L);
        var window = new Window(firstDay.atStartOfDay(ZoneOffset.UTC).toInstant(), query.asOf());
        List<String[]> terminal = terminalStages(types);
        return new OperationFigures(
                query.asOf(),
                backlog(types, pending, query),
                slaBreaches(types, pending, query),
                daily(types, terminal, window, firstDay, query.days()),
                queries.stageTimes(types, window),
                operators(types, terminal, window));
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

    private List<DailyFlow> daily(
            List<String> types, List<String[]> terminal, Window window, LocalDate firstDay, int days) {
        Map<LocalDate, Long> created = queries.createdPerDay(types, window);
        Map<LocalDate, Long> completed = queries.completedPerDay(terminal, window);
        var daily = new ArrayList<DailyFlow>();
        for (int i = 0; i < days; i++) {
            LocalDate day = firstDay.plusDays(i);
            daily.add(new DailyFlow(day, created.getOrDefault(day, 0L), completed.getOrDefault(day, 0L)));
        }
        return daily;
    }

    private List<OperatorWork> operators(List<String> types, List<String[]> terminal, Window window) {
        var work = new LinkedHashMap<String, OperatorWork>();
        queries.moves(types, window).forEach(w -> work.put(w.operator(), w));
        queries.handling(terminal, window)
                .forEach(h -> work.merge(
                        h.operator(),
                        h,
                        (moves, handling) -> new OperatorWork(
                                moves.operator(),
                                moves.name(),
                                moves.transitions(),
                                moves.approvals(),
                                handling.handled(),
                                handling.medianHandling())));
        return work.values().stream()
                .sorted(java.util.Comparator.comparing(OperatorWork::transitions)
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
