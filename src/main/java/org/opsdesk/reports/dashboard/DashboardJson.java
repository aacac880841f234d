package org.opsdesk.reports.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationFigures.AgeBucket;
import org.opsdesk.workflow.Status;

/**
 * The dashboard as JSON: what {@code GET /api/v1/reports/dashboard} answers and what the page's charts read.
 * Durations are seconds (with fractions), days ISO dates in UTC.
 */
final class DashboardJson {

    private DashboardJson() {}

    static Map<String, Object> of(DashboardView view) {
        var json = new LinkedHashMap<String, Object>();
        json.put("asOf", view.figures().asOf().toString());
        json.put("days", view.days());
        json.put("counts", counts(view));
        json.put("backlog", backlog(view));
        json.put("slaBreaches", slaBreaches(view));
        json.put("daily", daily(view));
        json.put("stageTimes", stageTimes(view));
        if (view.showOperators()) {
            json.put("operators", operators(view));
        }
        return json;
    }

    private static Map<String, Object> counts(DashboardView view) {
        var byType = new LinkedHashMap<String, Map<String, Long>>();
        for (String type : view.types()) {
            var row = new LinkedHashMap<String, Long>();
            for (Status status : Status.values()) {
                row.put(status.name(), view.counts().of(type, status));
            }
            byType.put(type, row);
        }
        var byStatus = new LinkedHashMap<String, Long>();
        for (Status status : Status.values()) {
            byStatus.put(status.name(), view.counts().total(status));
        }
        return Map.of(
                "byType", byType, "byStatus", byStatus, "total", view.counts().total());
    }

    private static List<Map<String, Object>> backlog(DashboardView view) {
        var rows = new ArrayList<Map<String, Object>>();
        view.backlog().forEach(b -> {
            var buckets = new LinkedHashMap<String, Long>();
            for (AgeBucket bucket : AgeBucket.values()) {
                buckets.put(bucket.name(), b.counts().get(bucket));
            }
            rows.add(Map.of("type", b.type(), "buckets", buckets, "total", b.total()));
        });
        return rows;
    }

    private static List<Map<String, Object>> slaBreaches(DashboardView view) {
        return view.slaBreaches().stream()
                .map(b -> Map.<String, Object>of(
                        "type", b.type(),
                        "slaSeconds", b.sla().toSeconds(),
                        "pending", b.pending(),
                        "breached", b.breached(),
                        "pastTypeSla", b.pastTypeSla()))
                .toList();
    }

    private static List<Map<String, Object>> daily(DashboardView view) {
        return view.figures().daily().stream()
                .map(d -> Map.<String, Object>of(
                        "day", d.day().toString(), "created", d.created(), "completed", d.completed()))
                .toList();
    }

    private static List<Map<String, Object>> stageTimes(DashboardView view) {
        return view.figures().stageTimes().stream()
                .map(s -> Map.<String, Object>of(
                        "type", s.type(),
                        "stage", s.stage(),
                        "visits", s.visits(),
                        "medianSeconds", seconds(s.median()),
                        "p90Seconds", seconds(s.p90())))
                .toList();
    }

    private static List<Map<String, Object>> operators(DashboardView view) {
        return view.operators().stream()
                .map(o -> {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("operator", o.operator());
                    row.put("name", o.name());
                    row.put("transitions", o.transitions());
                    row.put("approvals", o.approvals());
                    row.put("handled", o.handled());
                    row.put("medianHandlingSeconds", seconds(o.medianHandling()));
                    return (Map<String, Object>) row;
                })
                .toList();
    }

    private static @Nullable Double seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toNanos() / 1e9;
    }
}
