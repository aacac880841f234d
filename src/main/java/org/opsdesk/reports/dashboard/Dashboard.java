package org.opsdesk.reports.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opsdesk.access.OperatorContact;
import org.opsdesk.access.OperatorDirectory;
import org.opsdesk.operations.FigureQuery;
import org.opsdesk.operations.OperationCounts;
import org.opsdesk.operations.OperationFigures;
import org.opsdesk.operations.OperationFigures.OperatorWork;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationStatistics;
import org.opsdesk.operations.StatusCounts;
import org.opsdesk.reports.ReportPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Gathers the dashboard for one actor: the counts by status and type from the maintained counters, the other
 * figures from the operations' statistics, operators shown by name. Operator efficiency is shown only to those who
 * may see reports ({@code reports:view}): it is about colleagues, not about the operations one works.
 */
@Component
@EnableConfigurationProperties(DashboardSettings.class)
class Dashboard {

    static final String REPORTS_VIEW = ReportPermissions.VIEW;
    /** The busiest operators shown; the rest would make the table a list nobody reads. */
    static final int MAX_OPERATORS = 50;

    private final OperationCounts counts;
    private final OperationStatistics statistics;
    private final OperatorDirectory directory;
    private final Workflows workflows;
    private final DashboardSettings settings;
    private final Clock clock;
    private final FigureCache cache;

    Dashboard(
            OperationCounts counts,
            OperationStatistics statistics,
            OperatorDirectory directory,
            Workflows workflows,
            DashboardSettings settings,
            Clock clock) {
        this.counts = counts;
        this.statistics = statistics;
        this.directory = directory;
        this.workflows = workflows;
        this.settings = settings;
        this.clock = clock;
        this.cache = new FigureCache(settings.figuresMaxAge(), clock);
    }

    DashboardView of(Actor actor) {
        StatusCounts statusCounts = counts.statusCounts(actor);
        OperationFigures figures = cache.get(visibleTypes(actor), () -> statistics.figures(actor, query()));
        boolean showOperators = actor.may(REPORTS_VIEW);
        List<OperatorWork> operators = showOperators
                ? figures.operators().stream()
                        .limit(MAX_OPERATORS)
                        .map(this::named)
                        .toList()
                : List.of();
        return new DashboardView(statusCounts, figures, settings.days(), showOperators, operators);
    }

    /** What the figures depend on besides the time: the types this actor may view. */
    private Set<String> visibleTypes(Actor actor) {
        return workflows.all().stream()
                .map(WorkflowDefinition::type)
                .filter(type -> actor.may(OperationPermissions.view(type)))
                .collect(Collectors.toSet());
    }

    private FigureQuery query() {
        var slas = new LinkedHashMap<String, Duration>();
        workflows.all().stream().map(WorkflowDefinition::type).forEach(type -> slas.put(type, settings.slaOf(type)));
        return new FigureQuery(clock.instant(), settings.days(), Map.copyOf(slas), settings.slaDefault());
    }

    private OperatorWork named(OperatorWork work) {
        String name = directory
                .contact(work.operator())
                .map(OperatorContact::displayName)
                .orElse(work.name());
        return new OperatorWork(
                work.operator(), name, work.transitions(), work.approvals(), work.handled(), work.medianHandling());
    }
}
