package org.opsdesk.bench.delivery;

import static org.opsdesk.bench.Bench.log;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.Cpu;
import org.opsdesk.bench.app.CpuAccounting;
import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.bench.transitions.BenchConfig;

/**
 * Delivery benchmark (issue 4): how many webhook deliveries per second one node sends to a local receiver, and
 * how long a status change takes from its commit to its webhook's arrival under a steady load.
 *
 * <ol>
 *   <li><b>drain</b>: the app starts with its delivery worker parked, {@code --changes} operations are created
 *       with {@code --endpoints} subscribed endpoints (so changes × endpoints deliveries wait in the table), then
 *       the app restarts with the worker on and the receiver times the backlog's delivery — the sustained rate.
 *   <li><b>steady</b>: an open-loop generator creates operations at {@code --rate} per second for {@code --seconds}
 *       (after a warm-up) with 1 and then 3 subscribed endpoints; for each arrival the latency is its arrival time
 *       minus the event's {@code timestamp} in the body (the change's time inside its transaction, so the figure
 *       includes the commit itself).
 *   <li><b>explain</b>: {@code --explain-rows} delivery rows are added with SQL and the claim and list queries are
 *       run under {@code EXPLAIN (ANALYZE, BUFFERS)}.
 * </ol>
 *
 * <p>Run through bench/deliveries.sh, which builds the jar; the app runs on a fresh embedded PostgreSQL under
 * BENCH_DATA_DIR. Everything stays on 127.0.0.1.
 */
public final class DeliveryBench {

    public static void main(String[] args) {
        DeliveryConfig cfg = DeliveryConfig.parse(args);
        // a fresh embedded PostgreSQL under BENCH_DATA_DIR, the jar on a free port
        var app = new BenchApp(
                BenchConfig.parse(new String[] {"--phases", "create"}).appJavaOpts());
        Bench.exitAfter(
                () -> {
                    try (var receiver = new WebhookReceiver()) {
                        new DeliveryBench(cfg, app, receiver).run();
                    }
                },
                app);
    }

    final DeliveryConfig cfg;
    final BenchApp app;
    final WebhookReceiver receiver;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    final StringBuilder report = new StringBuilder();
    final List<String> endpointIds = new ArrayList<>();

    DeliveryBench(DeliveryConfig cfg, BenchApp app, WebhookReceiver receiver) {
        this.cfg = cfg;
        this.app = app;
        this.receiver = receiver;
    }

    void run() throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        app.extraEnv().put("OPSDESK_WEBHOOKS_ALLOW_HTTP", "true");
        app.extraEnv().put("OPSDESK_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.1/32");
        if (cfg.phases().contains("drain")) {
            app.extraEnv().put("OPSDESK_NOTIFICATIONS_POLL_INTERVAL", "PT10H"); // the worker waits: a backlog builds
        }
        app.start();
        for (int i = 0; i < cfg.endpoints(); i++) {
            endpointIds.add(registerEndpoint("/hook/" + i));
        }
        if (cfg.phases().contains("drain")) {
            drain();
        }
        if (cfg.phases().contains("steady")) {
            steady(1);
            steady(3);
        }
        if (cfg.phases().contains("explain")) {
            DeliveryPlans.explain(app, cfg.explainRows(), report);
        }
        String md = "## Notifications: webhook deliveries (issue 4)\n\n"
                + "Command: `" + cfg.command() + "` — " + started.withNano(0) + " to "
                + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + ", " + machine()
                + "; load average before " + Machine.loadAverage() + ".\n"
                + "Delivery worker at its defaults (poll every 0.2 s, 8 deliveries at once per node, outbox relay every"
                + " 0.2 s); the receiver (JDK HttpServer, 64 threads, answers 204) and the load generator run in the"
                + " benchmark's JVM on the same 2 cores as the app and PostgreSQL.\n\n"
                + report;
        System.out.println(md);
        if (cfg.writeDoc()) {
            DocSection.write(DocSection.benchmarks(), "## Notifications: webhook deliveries (issue 4)", md);
        }
    }

    static String machine() {
        var facts = Machine.facts();
        return facts.get("nproc") + " cores (" + facts.get("cpu") + "), "
                + facts.get("java -version").lines().findFirst().orElse("") + ", commit " + facts.get("git");
    }

    // ------------------------------------------------------------------------------------------------ drain

    void drain() throws Exception {
        int changes = cfg.changes();
        long expected = (long) changes * cfg.endpoints();
        log("drain: creating " + changes + " operations with " + cfg.endpoints()
                + " endpoints subscribed, the delivery worker parked");
        long t0 = System.nanoTime();
        createConcurrently(changes, 16);
        log(String.format(Locale.ROOT, "drain: %d created in %.1f s", changes, Bench.secondsSince(t0)));
        try (Connection db = app.connect()) {
            awaitCount(db, "select count(*) from notifications.delivery where state = 'pending'", expected);
        }
        app.extraEnv().remove("OPSDESK_NOTIFICATIONS_POLL_INTERVAL");
        receiver.reset();
        log("drain: " + expected + " deliveries pending; restarting with the worker on");
        CpuAccounting.Ticks cpu0 = null;
        app.restart();
        cpu0 = CpuAccounting.now(app.pid());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (receiver.unique() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        CpuAccounting.Ticks cpu1 = CpuAccounting.now(app.pid());
        var arrivals = receiver.arrivals();
        if (receiver.unique() < expected) {
            throw new IllegalStateException("only " + receiver.unique() + " of " + expected + " deliveries arrived");
        }
        long first = arrivals.stream()
                .mapToLong(WebhookReceiver.Arrival::nanos)
                .min()
                .orElseThrow();
        long last = arrivals.stream()
                .mapToLong(WebhookReceiver.Arrival::nanos)
                .max()
                .orElseThrow();
        double seconds = (last - first) / 1e9;
        double rate = expected / seconds;
        long sent;
        try (Connection db = app.connect()) {
            sent = count(db, "select count(*) from notifications.delivery where state = 'sent'");
        }
        report.append("### Backlog drain: the sustained delivery rate\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%,d operations created with %d subscribed endpoints while the worker was parked: %,d"
                                + " deliveries waiting. After the restart the receiver got them in **%.1f s: %,.0f"
                                + " deliveries/s** (first to last arrival; %,d arrivals in all, %d duplicates; %,d"
                                + " rows `sent`). Target ≥ 500/s: **%s**.\n\n",
                        changes,
                        cfg.endpoints(),
                        expected,
                        seconds,
                        rate,
                        arrivals.size(),
                        arrivals.size() - receiver.unique(),
                        sent,
                        rate >= 500 ? "met" : "not met"))
                .append(cpuLine(cpu0, cpu1, expected))
                .append("\n\n");
    }

    // ------------------------------------------------------------------------------------------------ steady

    void steady(int subscribed) throws Exception {
        for (int i = 0; i < endpointIds.size(); i++) {
            setEnabled(endpointIds.get(i), i < subscribed);
        }
        Thread.sleep(500);
        receiver.reset();
        int rate = cfg.rate();
        int total = rate * (cfg.warmup() + cfg.seconds());
        log("steady: " + rate + " changes/s for " + (cfg.warmup() + cfg.seconds()) + " s, " + subscribed
                + " endpoint(s)");
        var errors = new AtomicLong();
        var inFlight = new Semaphore(256);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Instant measureFrom = Instant.now().plusSeconds(cfg.warmup());
        CpuAccounting.Ticks cpu0 = null;
        long dropped = 0;
        for (int n = 0; n < total; n++) {
            Bench.sleepUntil(start + n * period);
            if (n == rate * cfg.warmup()) {
                cpu0 = CpuAccounting.now(app.pid());
            }
            if (!inFlight.tryAcquire()) { // the app fell far behind: do not queue without bound
                dropped++;
                continue;
            }
            http.sendAsync(createRequest("S" + subscribed + "-" + n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        if (failure != null || response.statusCode() != 201) {
                            errors.incrementAndGet();
                        }
                    });
        }
        double offered = (total - dropped) / Bench.secondsSince(start);
        inFlight.acquire(256);
        inFlight.release(256);
        Instant measureTo = Instant.now();
        CpuAccounting.Ticks cpu1 = CpuAccounting.now(app.pid());
        long expected = (total - dropped - errors.get()) * subscribed;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (receiver.unique() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        var window = receiver.arrivals().stream()
                .filter(a -> !a.eventAt().isBefore(measureFrom) && a.eventAt().isBefore(measureTo))
                .toList();
        Histogram latencies = Latency.histogram();
        window.forEach(a -> Latency.record(latencies, a.latencyMicros() * 1000));
        double windowSeconds = Duration.between(measureFrom, measureTo).toNanos() / 1e9;
        double deliveredRate = window.size() / windowSeconds;
        report.append("### Steady load: ")
                .append(rate)
                .append(" status changes/s, ")
                .append(subscribed)
                .append(subscribed == 1 ? " endpoint" : " endpoints")
                .append("\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "Offered %.0f changes/s (open loop, %d s warm-up + %d s measured; %d API errors, %d not sent"
                                + " because 256 were in flight); %,d of %,d expected deliveries arrived (%d"
                                + " duplicates). Measured window: %,d deliveries, %.0f deliveries/s.\n\n",
                        offered,
                        cfg.warmup(),
                        cfg.seconds(),
                        errors.get(),
                        dropped,
                        receiver.unique(),
                        expected,
                        receiver.arrivals().size() - receiver.unique(),
                        window.size(),
                        deliveredRate))
                .append("| commit → delivery | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n")
                .append(String.format(
                        Locale.ROOT,
                        "| ms | %.0f | %.0f | %.0f | %.0f |\n\n",
                        Latency.percentileMs(latencies, 0.50),
                        Latency.percentileMs(latencies, 0.90),
                        Latency.percentileMs(latencies, 0.99),
                        Latency.percentileMs(latencies, 1.0)))
                .append(String.format(
                        Locale.ROOT,
                        "p99 under 1 s: **%s**. ",
                        Latency.percentileMs(latencies, 0.99) < 1000 ? "met" : "not met"))
                .append(cpuLine(cpu0, cpu1, window.size()))
                .append(" (Here each delivery's share includes creating its operation through the API.)")
                .append("\n\n");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    String registerEndpoint(String path) throws Exception {
        var response = http.send(
                api("/api/v1/webhooks")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url(path)
                                + "\",\"eventTypes\":[\"*\"],\"description\":\"bench\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("webhook registration: " + response.statusCode() + " " + response.body());
        }
        return Bench.JSON.readTree(response.body()).get("id").asString();
    }

    void setEnabled(String endpointId, boolean enabled) throws Exception {
        var response = http.send(
                api("/api/v1/webhooks/" + endpointId + (enabled ? "/enable" : "/disable"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "endpoint enable/disable: " + response.statusCode() + " " + response.body());
        }
    }

    void createConcurrently(int count, int clients) throws Exception {
        var next = new AtomicLong();
        var failures = new ConcurrentLinkedQueue<String>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                long n;
                while ((n = next.getAndIncrement()) < count && failures.isEmpty()) {
                    try {
                        var response = http.send(createRequest("D-" + n), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("creating operations failed: " + failures.peek());
        }
    }

    final String runId = Long.toString(System.currentTimeMillis(), 36);

    HttpRequest createRequest(String reference) {
        String body = "{\"type\":\"withdrawal\",\"reference\":\"DB-" + runId + "-" + reference
                + "\",\"subject\":\"client-" + Math.floorMod(reference.hashCode(), 200000)
                + "\",\"amount\":{\"value\":\"125.50\",\"currency\":\"EUR\"},"
                + "\"attributes\":{\"channel\":\"api\",\"country\":\"DE\",\"riskScore\":7}}";
        return api("/api/v1/operations")
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    HttpRequest.Builder api(String path) {
        return new ApiRequests(app, http).request(path);
    }

    static String cpuLine(CpuAccounting.Ticks before, CpuAccounting.Ticks after, long deliveries) {
        if (before == null || after == null || deliveries == 0) {
            return "";
        }
        Cpu cpu = Cpu.between(before, after, Cpu.Generator.THIS_JVM);
        return String.format(
                Locale.ROOT,
                "CPU per delivery: app %.2f ms, PostgreSQL %.2f ms, receiver + load generator %.2f ms.",
                cpu.app() * 1000 / deliveries,
                cpu.postgres() * 1000 / deliveries,
                cpu.generator() * 1000 / deliveries);
    }

    static void awaitCount(Connection db, String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long seen = 0;
        while (System.nanoTime() < deadline) {
            seen = count(db, sql);
            if (seen >= expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("waited for " + expected + " from " + sql + ", saw " + seen);
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
