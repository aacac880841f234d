package org.opsdesk.operations;

import java.util.List;
import org.opsdesk.operations.statistics.StatusCounters;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Workflows;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts of operations by type and canonical status for dashboards and status tabs, answered from counters that
 * PostgreSQL triggers keep in the same transaction as every change — constant time at any table size — the
 * periodic fold of their deltas into the totals (ADR 0018), and the periodic check that recounts the rows and
 * corrects any drift.
 */
@Service
public class OperationCounts {

    private final StatusCounters counters;
    private final Workflows workflows;

    OperationCounts(StatusCounters counters, Workflows workflows) {
        this.counters = counters;
        this.workflows = workflows;
    }

    /** The counts of the types this actor may view. */
    public StatusCounts statusCounts(Actor actor) {
        if (actor.may("*")) {
            return new StatusCounts(counters.read(null));
        }
        List<String> visible = VisibleTypes.of(workflows, actor);
        return new StatusCounts(visible.isEmpty() ? java.util.Map.of() : counters.read(visible));
    }

    /** Recounts from the rows and corrects the counters; the differences it found (none, normally). */
    public List<CounterDrift> recount() {
        return counters.recount();
    }

    /**
     * Folds the deltas that changes appended into the totals, so that readers add up a few rows, not one per
     * change since the start; any node may run it, one at a time does.
     */
    @Scheduled(
            fixedDelayString = "${opsdesk.operations.counter-fold-interval:PT1S}",
            initialDelayString = "${opsdesk.operations.counter-fold-interval:PT1S}")
    void foldCounters() {
        counters.fold();
    }

    @Scheduled(
            fixedDelayString = "${opsdesk.operations.counter-check-interval:PT24H}",
            initialDelayString = "${opsdesk.operations.counter-check-delay:PT10M}")
    void checkCounters() {
        counters.recount();
    }
}
