package org.opsdesk.operations.queue;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.StatusCounts;
import org.opsdesk.workflow.Status;

/**
 * The status tabs over the list ({@code All 1,240 · Pending 1,204 · Error 17 · …}), counted from the maintained
 * counters summed over the filtered types — never a count over the rows. The counters know only type and status,
 * so the numbers are exact exactly when the filter has no other condition; otherwise the page says they count the
 * filtered types only.
 *
 * @param exact whether the numbers are the counts of this very filter
 */
public record StatusTabs(List<Tab> tabs, boolean exact) {

    /** One tab; {@code status} null for "all statuses". */
    public record Tab(@Nullable Status status, long count, String href, boolean current) {}

    static StatusTabs of(StatusCounts counts, @Nullable OperationFilter filter, ListLink link) {
        List<String> types = filter == null || filter.types().isEmpty()
                ? List.copyOf(counts.byType().keySet())
                : filter.types();
        List<Status> chosen = filter == null ? List.of() : filter.statuses();
        var tabs = new ArrayList<Tab>();
        long all = types.stream().mapToLong(counts::total).sum();
        tabs.add(new Tab(null, all, link.without("status").href(), chosen.isEmpty()));
        for (Status status : Status.values()) {
            long n = types.stream().mapToLong(type -> counts.of(type, status)).sum();
            tabs.add(new Tab(
                    status,
                    n,
                    link.with("status", status.name()).href(),
                    chosen.size() == 1 && chosen.get(0) == status));
        }
        return new StatusTabs(tabs, filter == null || onlyTypeAndStatus(filter));
    }

    private static boolean onlyTypeAndStatus(OperationFilter f) {
        return f.stages().isEmpty()
                && f.subject() == null
                && f.assignee() == null
                && !f.unassigned()
                && f.reference() == null
                && f.q() == null
                && f.currency() == null
                && f.amountMin() == null
                && f.amountMax() == null
                && f.createdFrom() == null
                && f.createdTo() == null
                && f.updatedFrom() == null
                && f.updatedTo() == null;
    }
}
