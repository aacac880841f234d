package org.opsdesk.bench.transitions;

import static org.opsdesk.bench.Bench.JSON;
import static org.opsdesk.bench.Bench.log;
import static org.opsdesk.bench.Bench.text;
import static org.opsdesk.bench.transitions.Seeder.SEEDED_SUBJECT;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.opsdesk.bench.Explain;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.http.ApiRequests;

/**
 * The list phase: sequential {@code GET /api/v1/operations} requests by one client (first page, 20 cursor pages
 * deep, by subject), the first-page SQL straight over JDBC, and EXPLAIN of both queries.
 */
final class ListQueries {

    /** One measured query. */
    record ListResult(String label, int requests, Latency latency, long errors, String errorSample, String extra) {}

    private final BenchApp app;
    private final ApiRequests api;
    private final int listRequests;
    private final int listWarmup;
    final List<ListResult> results = new ArrayList<>();
    int warmupRequests;
    Explain explainFirst;
    Explain explainSubject;

    ListQueries(BenchApp app, ApiRequests api, int listRequests, int listWarmup) {
        this.app = app;
        this.api = api;
        this.listRequests = listRequests;
        this.listWarmup = listWarmup;
    }

    /** Measures every query; the results are then in {@link #results} and the two plans. */
    void run() throws Exception {
        {
            String first = "/api/v1/operations?type=withdrawal&status=PENDING&limit=50";
            String subject = "/api/v1/operations?subject=" + URLEncoder.encode(SEEDED_SUBJECT, StandardCharsets.UTF_8)
                    + "&limit=50";
            long phaseDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            // warm-up, not measured: for listWarmup seconds, the first page, 20 cursor pages and 5 subject queries
            long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(listWarmup);
            int warmRequests = 0;
            while (System.nanoTime() < warmEnd) {
                warmRequests++;
                String cursor = text(JSON.readTree(get(first).body()).get("nextCursor"));
                for (int p = 0; p < 20 && cursor != null; p++) {
                    warmRequests++;
                    cursor = text(
                            JSON.readTree(get(first + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))
                                            .body())
                                    .get("nextCursor"));
                }
                for (int i = 0; i < 5; i++) {
                    warmRequests++;
                    get(subject);
                }
            }
            warmupRequests = warmRequests;
            results.add(sequential("type=withdrawal&status=PENDING, first page", first, phaseDeadline));
            // follow nextCursor 20 pages deep, again and again
            Histogram deep = Latency.histogram();
            Histogram page20 = Latency.histogram();
            long errors = 0;
            String errorSample = "";
            int rounds = Math.max(1, (listRequests + 19) / 20);
            for (int r = 0; r < rounds && System.nanoTime() < phaseDeadline; r++) {
                var page = get(first);
                String cursor = text(JSON.readTree(page.body()).get("nextCursor"));
                for (int p = 1; p <= 20 && cursor != null; p++) {
                    String uri = first + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
                    long s = System.nanoTime();
                    var response = get(uri);
                    long e = System.nanoTime();
                    if (response.statusCode() != 200) {
                        errors++;
                        errorSample = response.statusCode() + " " + response.body();
                        break;
                    }
                    Latency.record(deep, e - s);
                    if (p == 20) {
                        Latency.record(page20, e - s);
                    }
                    cursor = text(JSON.readTree(response.body()).get("nextCursor"));
                }
            }
            results.add(new ListResult(
                    "same, following nextCursor to page 21 (pages 2–21)",
                    (int) deep.getTotalCount(),
                    Latency.of(deep),
                    errors,
                    errorSample,
                    String.format(
                            Locale.ROOT,
                            "the 20th cursor page alone: p50 %.2f ms, p95 %.2f ms (%d requests)",
                            Latency.percentileMs(page20, 0.5),
                            Latency.percentileMs(page20, 0.95),
                            page20.getTotalCount())));
            results.add(sequential("subject=" + SEEDED_SUBJECT + " (all types)", subject, phaseDeadline));
            results.add(sequential(
                    "type=withdrawal&status=PENDING, first page, measured again last", first, phaseDeadline));
        }
        // the first-page query as the app sends it, straight over JDBC
        try (Connection db = app.connect()) {
            String sql = "select " + RawTransitions.COLUMNS
                    + " from operations.operation where true and type = ? and status = ?"
                    + " order by created_at desc, id desc limit ?";
            try (var ps = db.prepareStatement(sql)) {
                Histogram lat = Latency.histogram();
                for (int i = 0; i < 50; i++) {
                    drain(ps, "withdrawal", "PENDING", 51);
                }
                for (int i = 0; i < listRequests; i++) {
                    long s = System.nanoTime();
                    drain(ps, "withdrawal", "PENDING", 51);
                    Latency.record(lat, System.nanoTime() - s);
                }
                results.add(new ListResult(
                        "raw JDBC: the first-page SQL (51 rows, all columns)",
                        listRequests,
                        Latency.of(lat),
                        0,
                        "",
                        ""));
            }
            explainFirst = Explain.of(
                    db,
                    "select " + RawTransitions.COLUMNS + " from operations.operation where true and type = 'withdrawal'"
                            + " and status = 'PENDING' order by created_at desc, id desc limit 51");
            explainSubject = Explain.of(
                    db,
                    "select " + RawTransitions.COLUMNS + " from operations.operation where true and subject = '"
                            + SEEDED_SUBJECT + "' order by created_at desc, id desc limit 51");
        }
    }

    static void drain(PreparedStatement ps, String type, String status, int limit) throws SQLException {
        ps.setString(1, type);
        ps.setString(2, status);
        ps.setInt(3, limit);
        try (var rs = ps.executeQuery()) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= cols; c++) {
                    rs.getObject(c);
                }
            }
        }
    }

    ListResult sequential(String label, String uri, long deadline) throws Exception {
        Histogram lat = Latency.histogram();
        int n = 0;
        long errors = 0;
        String sample = "";
        int items = -1;
        for (int i = 0; i < listRequests && System.nanoTime() < deadline; i++) {
            long s = System.nanoTime();
            var response = get(uri);
            long e = System.nanoTime();
            if (response.statusCode() != 200) {
                errors++;
                sample = response.statusCode() + " " + response.body();
                continue;
            }
            if (items < 0) {
                items = JSON.readTree(response.body()).get("items").size();
            }
            Latency.record(lat, e - s);
            n++;
        }
        var r = new ListResult(label, n, Latency.of(lat), errors, sample, items + " items per page");
        log(String.format(
                Locale.ROOT,
                "list %-45s p50 %.2f ms p95 %.2f ms (%d requests, %d errors)",
                label,
                r.latency().p50(),
                r.latency().p95(),
                n,
                errors));
        return r;
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return api.get(uri);
    }
}
