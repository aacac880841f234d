package org.opsdesk.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's figures over the operations of the types the asking actor may view, read in one consistent
 * snapshot of the database (see {@link OperationStatistics}).
 *
 * @param asOf the moment the figures describe
 * @param backlog the pending operations of each type by how long ago they were created
 * @param slaBreaches per type, the pending operations past their due time or their type's SLA
 * @param daily created and completed operations per UTC day, oldest first, one entry per day of the window
 * @param stageTimes per type and stage, how long operations stayed there (stages left within the window)
 * @param operators per operator, the work they did within the window
 */
public record OperationFigures(
        Instant asOf,
        List<BacklogByAge> backlog,
        List<SlaBreaches> slaBreaches,
        List<DailyFlow> daily,
        List<StageTime> stageTimes,
        List<OperatorWork> operators) {

    public OperationFigures {
        backlog = List.copyOf(backlog);
        slaBreaches = List.copyOf(slaBreaches);
        daily = List.copyOf(daily);
        stageTimes = List.copyOf(stageTimes);
        operators = List.copyOf(operators);
    }

    /** How long an operation has been pending, from its creation; the lower bound is inclusive. */
    public enum AgeBucket {
        UNDER_1H(Duration.ZERO),
        FROM_1H_TO_4H(Duration.ofHours(1)),
        FROM_4H_TO_24H(Duration.ofHours(4)),
        FROM_1D_TO_3D(Duration.ofDays(1)),
        OVER_3D(Duration.ofDays(3));

        private final Duration from;

        AgeBucket(Duration from) {
            this.from = from;
        }

        /** The youngest age in this bucket. */
        public Duration from() {
            return from;
        }
    }

    /** Pending operations of one type by age; every bucket is present. */
    public record BacklogByAge(String type, Map<AgeBucket, Long> counts) {
        public BacklogByAge {
            var all = new EnumMap<AgeBucket, Long>(AgeBucket.class);
            for (AgeBucket bucket : AgeBucket.values()) {
                all.put(bucket, counts.getOrDefault(bucket, 0L));
            }
            counts = java.util.Collections.unmodifiableMap(all);
        }

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param sla the type's service level: a pending operation older than this is breached
     * @param pending the type's pending operations
     * @param breached those past their stage's due time or the type's SLA (or both)
     * @param pastTypeSla those created longer than {@code sla} ago
     */
    public record SlaBreaches(String type, Duration sla, long pending, long breached, long pastTypeSla) {}

    /** Operations created on a day, and operations that reached a terminal stage on it. */
    public record DailyFlow(LocalDate day, long created, long completed) {}

    /** How long operations of a type stayed in a stage before moving on: median and 90th percentile. */
    public record StageTime(String type, String stage, long visits, Duration median, Duration p90) {}

    /**
     * What one operator did within the window, on the types the asking actor may view.
     *
     * @param operator the operator's username
     * @param transitions the moves they made
     * @param approvals the four-eyes approvals they gave
     * @param handled the operations assigned to them that reached a terminal stage
     * @param medianHandling the median time from their assignment to that terminal stage; null when none
     */
    public record OperatorWork(
            String operator,
            String name,
            long transitions,
            long approvals,
            long handled,
            @Nullable Duration medianHandling) {}
}
