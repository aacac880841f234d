package org.opsdesk.reports.dashboard;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape of what {@link DashboardJson} writes, named for the API description only: nothing is serialised
 * through it. Keep the two in step.
 *
 * @param asOf when the figures were computed (ISO-8601)
 * @param days how many closed days {@code daily} covers
 */
record DashboardSchema(
        String asOf,
        int days,
        Counts counts,
        List<Backlog> backlog,
        List<SlaBreach> slaBreaches,
        List<Day> daily,
        List<StageTime> stageTimes,
        List<OperatorFigures> operators) {

    /**
     * @param byType type → canonical status → count
     * @param byStatus canonical status → count over every type shown
     */
    record Counts(Map<String, Map<String, Long>> byType, Map<String, Long> byStatus, long total) {}

    /** @param buckets age bucket (UNDER_1H, FROM_1H_TO_4H, FROM_4H_TO_24H, FROM_1D_TO_3D, OVER_3D) → pending count */
    record Backlog(String type, Map<String, Long> buckets, long total) {}

    record SlaBreach(String type, long slaSeconds, long pending, long breached, long pastTypeSla) {}

    /** @param day an ISO date in UTC */
    record Day(String day, long created, long completed) {}

    record StageTime(
            String type, String stage, long visits, @Nullable Double medianSeconds, @Nullable Double p90Seconds) {}

    record OperatorFigures(
            String operator,
            String name,
            long transitions,
            long approvals,
            long handled,
            @Nullable Double medianHandlingSeconds) {}
}
