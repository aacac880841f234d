package org.opsdesk.bench.exchange;

import static org.opsdesk.bench.Bench.log;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.http.ApiRequests;

/**
 * Public rate files benchmark (issue 12): with {@code BENCH_PAIRS} (50) pairs that have a rate, the latency of
 * {@code GET /rates.xml}, {@code /rates.csv} and {@code /api/public/v1/rates} without sign-in, as full answers and
 * as conditional requests ({@code If-None-Match}: 304), one client, sequential calls after a warm-up. Target: p95 <
 * 5 ms. Run through bench/public-rates.sh, which builds the jar; the app starts on a fresh embedded PostgreSQL.
 */
public final class PublicRatesBench {

    static final String HEADING = "## Public rate files (issue 12)";
    static final List<String> CURRENCIES =
            List.of("EUR", "USD", "GBP", "CHF", "PLN", "CZK", "HUF", "SEK", "NOK", "DKK", "JPY");
    static final List<String> PATHS = List.of("/rates.xml", "/rates.csv", "/api/public/v1/rates");

    final BenchApp app;
    final int pairs;
    final int requests;
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final Map<String, Latency> timings = new LinkedHashMap<>();

    PublicRatesBench(BenchApp app, int pairs, int requests) {
        this.app = app;
        this.pairs = pairs;
        this.requests = requests;
    }

    public static void main(String[] args) {
        int pairs = Integer.parseInt(System.getenv().getOrDefault("BENCH_PAIRS", "50"));
        int requests = Integer.parseInt(System.getenv().getOrDefault("BENCH_REQUESTS", "2000"));
        var app = BenchApp.fromEnvironment("-Xmx512m");
        Bench.exitAfter(() -> new PublicRatesBench(app, pairs, requests).run(), app);
    }

    void run() throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        String load = Machine.loadAverage();
        app.start();
        int seeded = seed(new ApiRequests(app));
        int warm = Math.max(200, requests / 5);
        // The three files share the whole web stack: warm it (JIT) on all of them before measuring any, so the
        // first file measured does not pay for the others (it did: the XML's p95 was 6.6 ms cold, the JSON's 2.8).
        for (int round = 0; round < 5; round++) {
            for (String path : PATHS) {
                String etag = get(path, null, 200).headers().firstValue("etag").orElseThrow();
                for (int i = 0; i < warm; i++) {
                    get(path, null, 200);
                    get(path, etag, 304);
                }
            }
        }
        for (String path : PATHS) {
            measure(path + " (200)", warm, () -> get(path, null, 200));
            String etag = get(path, null, 200).headers().firstValue("etag").orElseThrow();
            measure(path + " (304, If-None-Match)", warm, () -> get(path, etag, 304));
        }
        String md = markdown(started, load, seeded);
        System.out.println(md);
        if (!"1".equals(System.getenv("BENCH_NO_DOC"))) {
            DocSection.write(DocSection.benchmarks(), HEADING, md);
            log("report written to docs/benchmarks.md");
        }
    }

    /** Enables the currencies and gives {@code pairs} pairs among them a rate, half of them automatic. */
    int seed(ApiRequests api) throws Exception {
        for (String code : CURRENCIES) {
            api.send(
                    "PUT",
                    "/api/v1/exchange/currencies/" + code,
                    "{\"enabled\":true,\"minAmount\":\"10\",\"maxAmount\":\"100000\",\"paymentWindow\":\"PT15M\"}");
        }
        var all = new ArrayList<String[]>();
        for (int i = 0; i < CURRENCIES.size(); i++) {
            for (int j = i + 1; j < CURRENCIES.size(); j++) {
                all.add(new String[] {CURRENCIES.get(i), CURRENCIES.get(j)});
            }
        }
        int n = Math.min(pairs, all.size());
        for (int k = 0; k < n; k++) {
            String[] pair = all.get(k);
            String mode = k % 2 == 0 ? "automatic" : "manual";
            api.send(
                    "PUT",
                    "/api/v1/exchange/rates/" + pair[0] + "/" + pair[1],
                    String.format(
                            Locale.ROOT,
                            "{\"buy\":\"%d.1000\",\"sell\":\"%d.2000\",\"mode\":\"%s\"}",
                            k + 1,
                            k + 1,
                            mode));
        }
        log(n + " pairs seeded");
        return n;
    }

    HttpResponse<byte[]> get(String path, String etag, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        var response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + ": " + response.statusCode() + ", expected " + expected);
        }
        return response;
    }

    interface Call {
        Object run() throws Exception;
    }

    void measure(String label, int warmup, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        Histogram nanos = Latency.histogram();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            call.run();
            Latency.record(nanos, System.nanoTime() - t0);
        }
        Latency latency = Latency.of(nanos);
        timings.put(label, latency);
        log(String.format(Locale.ROOT, "%s: p50 %.2f ms, p95 %.2f ms", label, latency.p50(), latency.p95()));
    }

    String markdown(ZonedDateTime started, String load, int seeded) {
        var b = new StringBuilder(HEADING).append("\n\n");
        b.append("Command: `")
                .append(System.getenv().getOrDefault("BENCH_COMMAND", "bench/public-rates.sh"))
                .append("` — run ")
                .append(started.toLocalDateTime().withNano(0))
                .append(" UTC on ")
                .append(Machine.facts().get("nproc"))
                .append(" cores shared with the app and PostgreSQL (load average before: ")
                .append(load)
                .append(").\n\n");
        b.append(String.format(
                Locale.ROOT,
                "Data: %d pairs with a rate (%d directions in each file). One anonymous client, sequential calls"
                        + " after a warm-up; latency as the client sees it over HTTP on 127.0.0.1. Target: p95 < 5"
                        + " ms.\n\n",
                seeded,
                seeded * 2));
        b.append("| what | calls | p50 | p95 | p99 |\n|---|---|---|---|---|\n");
        timings.forEach((label, latency) -> b.append(String.format(
                Locale.ROOT,
                "| `%s` | %d | %s | %s | %s |\n",
                label,
                latency.count(),
                Latency.format(latency.p50()),
                Latency.format(latency.p95()),
                Latency.format(latency.p99()))));
        return b.toString();
    }
}
