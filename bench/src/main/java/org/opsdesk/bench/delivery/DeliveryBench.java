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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Explain;
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

    record Config(
            int changes,
            int endpoints,
            int rate,
            int seconds,
            int warmup,
            long explainRows,
            List<String> phases,
            boolean writeDoc,
            String command) {

        static Config parse(String[] args) {
            Map<String, String> opts = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--no-doc")) {
                    opts.put("no-doc", "true");
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    opts.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("usage: [--changes N] [--endpoints N] [--rate N/s]"
                            + " [--seconds N] [--warmup N] [--explain-rows N] [--phases drain,steady,explain]"
                            + " [--no-doc]");
                }
            }
            return new Config(
                    Integer.parseInt(opts.getOrDefault("changes", "5000")),
                    Integer.parseInt(opts.getOrDefault("endpoints", "4")),
                    Integer.parseInt(opts.getOrDefault("rate", "200")),
                    Integer.parseInt(opts.getOrDefault("seconds", "60")),
                    Integer.parseInt(opts.getOrDefault("warmup", "10")),
                    Long.parseLong(opts.getOrDefault("explain-rows", "1000000")),
                    List.of(opts.getOrDefault("phases", "drain,steady,explain").split(",")),
                    !opts.containsKey("no-doc"),
                    System.getenv().getOrDefault("BENCH_COMMAND", "bench/deliveries.sh " + String.join(" ", args)));
        }
    }

    public static void main(String[] args) {
        Config cfg = Config.parse(args);
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

    final Config cfg;
    final BenchApp app;
    final WebhookReceiver receiver;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    final StringBuilder report = new StringBuilder();
    final List<String> endpointIds = new ArrayList<>();

    DeliveryBench(Config cfg, BenchApp app, WebhookReceiver receiver) {
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
            explain();
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

    // ------------------------------------------------------------------------------------------------ explain

    void explain() throws Exception {
        long rows = cfg.explainRows();
        log("explain: adding " + rows + " delivery rows");
        try (Connection db = app.connect()) {
            try (Statement st = db.createStatement()) {
                // 98.9% sent, 0.1% failed, 0.5% retrying later, 0.4% pending due, 0.1% sending with a live lease;
                // spread over 30 days and 100,000 operations, 4 endpoints
                st.execute("insert into notifications.delivery (id, event_id, event_type, operation_id, channel,"
                        + " recipient, message_id, body, state, attempts, next_attempt_at, claimed_by, claim_token,"
                        + " claimed_until, sent_at, created_at, updated_at)"
                        + " select gen_random_uuid(), gen_random_uuid(), 'operation.status_changed',"
                        + "   ('00000000-0000-0000-0000-' || lpad(to_hex(g % 100000), 12, '0'))::uuid, 'webhook',"
                        + "   '00000000-0000-0000-0000-00000000000' || (g % 4), 'msg_' || g, '{}',"
                        + "   case when g % 1000 < 989 then 'sent' when g % 1000 < 990 then 'failed'"
                        + "        when g % 1000 < 995 then 'retrying'"
                        + "        when g % 1000 < 999 then 'pending' else 'sending' end,"
                        + "   1,"
                        + "   case when g % 1000 between 990 and 994 then now() + interval '1 hour'"
                        + "        when g % 1000 between 995 and 998 then now() - interval '1 second' end,"
                        + "   case when g % 1000 = 999 then 'bench' end,"
                        + "   case when g % 1000 = 999 then gen_random_uuid() end,"
                        + "   case when g % 1000 = 999 then now() + interval '1 hour' end,"
                        + "   case when g % 1000 < 989 then now() - (g || ' seconds')::interval * 2.5 end,"
                        + "   now() - (g || ' seconds')::interval * 2.5, now()"
                        + " from generate_series(1, " + rows + ") g");
                st.execute("analyze notifications.delivery");
            }
            long total = count(db, "select count(*) from notifications.delivery");
            report.append("### Claim and list queries at ")
                    .append(String.format(Locale.ROOT, "%,d", total))
                    .append(" deliveries\n\n")
                    .append(
                            "Rows added with SQL: 98.9% `sent`, 0.1% `failed`, 0.5% retrying later, 0.4% due, 0.1% claimed; 100,000"
                                    + " operations, 4 endpoints. Each query as the app runs it (the claim inside a"
                                    + " rolled-back transaction).\n\n");
            db.setAutoCommit(false);
            plan(
                    db,
                    "claim a batch of 8 due deliveries",
                    "with expired as (select id, claimed_until as due from notifications.delivery where state ="
                            + " 'sending' and claimed_until <= now() order by claimed_until limit 8 for update skip"
                            + " locked), due as (select id, next_attempt_at as due from notifications.delivery where"
                            + " state in ('pending', 'retrying') and next_attempt_at <= now() order by"
                            + " next_attempt_at limit 8 for update skip locked) update notifications.delivery d set"
                            + " state = 'sending', claimed_by = 'bench', claim_token = gen_random_uuid(),"
                            + " claimed_until = now() + interval '60 seconds', updated_at = now() where d.id in"
                            + " (select id from (select id, 0 as kind, due from expired union all select id, 1, due"
                            + " from due) claimable order by kind, due limit 8) returning d.id");
            db.rollback();
            String columns = "id, event_id, event_type, operation_id, channel, recipient, message_id, test, state,"
                    + " attempts, next_attempt_at, last_error, sent_at, created_at, updated_at";
            plan(
                    db,
                    "an operation's notifications (GET /api/v1/notifications?operationId=)",
                    "select " + columns + " from notifications.delivery where true and operation_id ="
                            + " '00000000-0000-0000-0000-00000000a0a0' order by created_at desc, id desc limit 51");
            plan(
                    db,
                    "failed deliveries, newest first (GET /api/v1/notifications?state=failed)",
                    "select " + columns + " from notifications.delivery where true and state = 'failed'"
                            + " order by created_at desc, id desc limit 51");
            plan(
                    db,
                    "an endpoint's deliveries (GET /api/v1/webhooks/{id}/deliveries)",
                    "select " + columns + " from notifications.delivery where true and channel = 'webhook' and"
                            + " recipient = '00000000-0000-0000-0000-000000000002' order by created_at desc, id desc"
                            + " limit 51");
            db.rollback();
        }
    }

    void plan(Connection db, String label, String sql) throws SQLException {
        var explained = Explain.of(db, sql);
        report.append("**")
                .append(label)
                .append(String.format(
                        Locale.ROOT,
                        "**: %.2f ms (planning %.2f ms)\n\n```\n",
                        explained.executionMs(),
                        explained.planningMs()))
                .append(explained.plan().strip())
                .append("\n```\n\n");
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
