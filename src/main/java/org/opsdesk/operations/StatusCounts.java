package org.opsdesk.operations;

import java.util.Map;
import java.util.TreeMap;
import org.opsdesk.workflow.Status;

/**
 * How many operations there are by type and canonical status, from the counters kept in the same transaction as
 * each change (never a count over the rows). Holds only the types the asking actor may view.
 *
 * @param byType type → status → count; a status without operations is absent
 */
public record StatusCounts(Map<String, Map<Status, Long>> byType) {

    public StatusCounts {
        var copy = new TreeMap<String, Map<Status, Long>>();
        byType.forEach((type, counts) -> copy.put(type, Map.copyOf(counts)));
        byType = java.util.Collections.unmodifiableMap(copy);
    }

    /** Operations of this type in this status. */
    public long of(String type, Status status) {
        return byType.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
    }

    /** Operations of every (visible) type in this status. */
    public long total(Status status) {
        return byType.values().stream()
                .mapToLong(counts -> counts.getOrDefault(status, 0L))
                .sum();
    }

    /** Operations of this type in any status. */
    public long total(String type) {
        return byType.getOrDefault(type, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Every (visible) operation. */
    public long total() {
        return byType.values().stream()
                .flatMap(counts -> counts.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }
}
