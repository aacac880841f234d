package org.opsdesk.reports.dashboard;

import java.util.List;
import java.util.Map;
import org.opsdesk.operations.OperationFigures;
import org.opsdesk.operations.OperationFigures.BacklogByAge;
import org.opsdesk.operations.OperationFigures.OperatorWork;
import org.opsdesk.operations.OperationFigures.SlaBreaches;
import org.opsdesk.operations.StatusCounts;
import org.opsdesk.workflow.Status;

/**
 * What the dashboard shows one actor.
 *
 * @param operators the operators' work, by name; empty unless {@code showOperators}
 */
record DashboardView(
        StatusCounts counts, OperationFigures figures, int days, boolean showOperators, List<OperatorWork> operators) {

    /** The statuses in the order the table and chart show them. */
    public List<Status> statuses() {
        return List.of(Status.values());
    }

    /** The age buckets of the backlog, youngest first. */
    public List<OperationFigures.AgeBucket> buckets() {
        return List.of(OperationFigures.AgeBucket.values());
    }

    /** Types with at least one operation, by name. */
    public List<String> types() {
        return List.copyOf(counts.byType().keySet());
    }

    /** Types with pending operations: the rows of the backlog table. */
    public List<BacklogByAge> backlog() {
        return figures.backlog().stream().filter(b -> b.total() > 0).toList();
    }

    public List<SlaBreaches> slaBreaches() {
        return figures.slaBreaches().stream().filter(b -> b.pending() > 0).toList();
    }

    /** Every visible pending operation by age bucket, for the chart and the table's last row. */
    public Map<OperationFigures.AgeBucket, Long> backlogTotals() {
        var totals = new java.util.EnumMap<OperationFigures.AgeBucket, Long>(OperationFigures.AgeBucket.class);
        for (var bucket : OperationFigures.AgeBucket.values()) {
            totals.put(
                    bucket,
                    figures.backlog().stream()
                            .mapToLong(b -> b.counts().get(bucket))
                            .sum());
        }
        return totals;
    }

    public long breachedTotal() {
        return figures.slaBreaches().stream().mapToLong(SlaBreaches::breached).sum();
    }
}
