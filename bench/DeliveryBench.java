import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>Run through bench/deliveries.sh, which builds the jar and compiles this file together with TransitionBench
 * (whose {@code App} starts and stops the jar and its embedded PostgreSQL). Everything stays on 127.0.0.1.
 */
public class DeliveryBench {

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

    public static void main(String[] args) throws Exception {
        Config cfg = Config.parse(args);
        // TransitionBench's App: a fresh embedded PostgreSQL under BENCH_DATA_DIR, the jar on a free port
        var app = new TransitionBench.App(TransitionBench.Config.parse(new String[] {"--phases", "create"}));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bench-cleanup"));
        int exit = 0;
        try (var receiver = new Receiver()) {
            new DeliveryBench(cfg, app, receiver).run();
        } catch (Throwable t) {
            TransitionBench.log("FAILED: " + t);
            t.printStackTrace();
            TransitionBench.log("---- last lines of the app log ----\n" + app.tail(60));
            exit = 1;
        } finally {
            app.stop();
        }
        System.exit(exit);
    }

    final Config cfg;
    final TransitionBench.App app;
    final Receiver receiver;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    final StringBuilder report = new StringBuilder();
    final List<String> endpointIds = new ArrayList<>();

    DeliveryBench(Config cfg, TransitionBench.App app, Receiver receiver) {
        this.cfg = cfg;
        this.app = app;
        this.receiver = receiver;
    }

    void run() throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        app.extraEnv.put("OPSDESK_WEBHOOKS_ALLOW_HTTP", "true");
        app.extraEnv.put("OPSDESK_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.1/32");
        if (cfg.phases().contains("drain")) {
            app.extraEnv.put("OPSDESK_NOTIFICATIONS_POLL_INTERVAL", "PT10H"); // the worker waits: a backlog builds
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
                + "; load average before " + TransitionBench.loadAverage() + ".\n"
                + "Delivery worker at its defaults (poll every 0.2 s, 8 deliveries at once per node, outbox relay every"
                + " 0.2 s); the receiver (JDK HttpServer, 64 threads, answers 204) and the load generator run in the"
                + " benchmark's JVM on the same 2 cores as the app and PostgreSQL.\n\n"
                + report;
        System.out.println(md);
        if (cfg.writeDoc()) {
            TransitionBench.writeDoc(
                    TransitionBench.ROOT.resolve("docs/benchmarks.md"),
                    "## Notifications: webhook deliveries (issue 4)",
                    md);
        }
    }

    static String machine() {
        var facts = TransitionBench.machineFacts();
        return facts.get("nproc") + " cores (" + facts.get("cpu") + "), "
                + facts.get("java -version").lines().findFirst().orElse("") + ", commit " + facts.get("git");
    }

    // ------------------------------------------------------------------------------------------------ drain

    void drain() throws Exception {
        int changes = cfg.changes();
        long expected = (long) changes * cfg.endpoints();
        TransitionBench.log("drain: creating " + changes + " operations with " + cfg.endpoints()
                + " endpoints subscribed, the delivery worker parked");
        long t0 = System.nanoTime();
        createConcurrently(changes, 16);
        TransitionBench.log(String.format(
                Locale.ROOT, "drain: %d created in %.1f s", changes, TransitionBench.secondsSince(t0)));
        try (Connection db = app.connect()) {
            awaitCount(db, "select count(*) from notifications.delivery where state = 'pending'", expected);
        }
        app.extraEnv.remove("OPSDESK_NOTIFICATIONS_POLL_INTERVAL");
        receiver.reset();
        TransitionBench.log("drain: " + expected + " deliveries pending; restarting with the worker on");
        long[] cpu0 = null;
        app.restart();
        cpu0 = app.cpuTicks();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (receiver.unique() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long[] cpu1 = app.cpuTicks();
        var arrivals = receiver.arrivals();
        if (receiver.unique() < expected) {
            throw new IllegalStateException("only " + receiver.unique() + " of " + expected + " deliveries arrived");
        }
        long first = arrivals.stream().mapToLong(Arrival::nanos).min().orElseThrow();
        long last = arrivals.stream().mapToLong(Arrival::nanos).max().orElseThrow();
        double seconds = (last - first) / 1e9;
        double rate = expected / seconds;
        long sent;
        try (Connection db = app.connect()) {
            sent = count(db, "select count(*) from notifications.delivery where state = 'sent'");
        }
        report.append("### Backlog drain: the sustained delivery rate\n\n")
                .append(String.format(Locale.ROOT,
                        "%,d operations created with %d subscribed endpoints while the worker was parked: %,d"
                                + " deliveries waiting. After the restart the receiver got them in **%.1f s: %,.0f"
                                + " deliveries/s** (first to last arrival; %,d arrivals in all, %d duplicates; %,d"
                                + " rows `sent`). Target ≥ 500/s: **%s**.\n\n",
                        changes, cfg.endpoints(), expected, seconds, rate, arrivals.size(),
                        arrivals.size() - receiver.unique(), sent, rate >= 500 ? "met" : "not met"))
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
        TransitionBench.log("steady: " + rate + " changes/s for " + (cfg.warmup() + cfg.seconds()) + " s, "
                + subscribed + " endpoint(s)");
        var errors = new AtomicLong();
        var inFlight = new Semaphore(256);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Instant measureFrom = Instant.now().plusSeconds(cfg.warmup());
        long[] cpu0 = null;
        long dropped = 0;
        for (int n = 0; n < total; n++) {
            TransitionBench.sleepUntil(start + n * period);
            if (n == rate * cfg.warmup()) {
                cpu0 = app.cpuTicks();
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
        double offered = (total - dropped) / TransitionBench.secondsSince(start);
        inFlight.acquire(256);
        inFlight.release(256);
        Instant measureTo = Instant.now();
        long[] cpu1 = app.cpuTicks();
        long expected = (long) (total - dropped - errors.get()) * subscribed;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (receiver.unique() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        var window = receiver.arrivals().stream()
                .filter(a -> !a.eventAt().isBefore(measureFrom) && a.eventAt().isBefore(measureTo))
                .toList();
        long[] latencies = window.stream().mapToLong(Arrival::latencyMicros).sorted().toArray();
        double windowSeconds = Duration.between(measureFrom, measureTo).toNanos() / 1e9;
        double deliveredRate = window.size() / windowSeconds;
        report.append("### Steady load: ")
                .append(rate)
                .append(" status changes/s, ")
                .append(subscribed)
                .append(subscribed == 1 ? " endpoint" : " endpoints")
                .append("\n\n")
                .append(String.format(Locale.ROOT,
                        "Offered %.0f changes/s (open loop, %d s warm-up + %d s measured; %d API errors, %d not sent"
                                + " because 256 were in flight); %,d of %,d expected deliveries arrived (%d"
                                + " duplicates). Measured window: %,d deliveries, %.0f deliveries/s.\n\n",
                        offered, cfg.warmup(), cfg.seconds(), errors.get(), dropped, receiver.unique(), expected,
                        receiver.arrivals().size() - receiver.unique(), window.size(), deliveredRate))
                .append("| commit → delivery | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| ms | %.0f | %.0f | %.0f | %.0f |\n\n",
                        pct(latencies, 0.50), pct(latencies, 0.90), pct(latencies, 0.99), pct(latencies, 1.0)))
                .append(String.format(Locale.ROOT, "p99 under 1 s: **%s**. ",
                        pct(latencies, 0.99) < 1000 ? "met" : "not met"))
                .append(cpuLine(cpu0, cpu1, window.size()))
                .append(" (Here each delivery's share includes creating its operation through the API.)")
                .append("\n\n");
    }

    static double pct(long[] sortedMicros, double q) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, i))] / 1000.0;
    }

    // ------------------------------------------------------------------------------------------------ explain

    void explain() throws Exception {
        long rows = cfg.explainRows();
        TransitionBench.log("explain: adding " + rows + " delivery rows");
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
                    .append("Rows added with SQL: 98.9% `sent`, 0.1% `failed`, 0.5% retrying later, 0.4% due, 0.1% claimed; 100,000"
                            + " operations, 4 endpoints. Each query as the app runs it (the claim inside a"
                            + " rolled-back transaction).\n\n");
            db.setAutoCommit(false);
            plan(db, "claim a batch of 8 due deliveries",
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
            plan(db, "an operation's notifications (GET /api/v1/notifications?operationId=)",
                    "select " + columns + " from notifications.delivery where true and operation_id ="
                            + " '00000000-0000-0000-0000-00000000a0a0' order by created_at desc, id desc limit 51");
            plan(db, "failed deliveries, newest first (GET /api/v1/notifications?state=failed)",
                    "select " + columns + " from notifications.delivery where true and state = 'failed'"
                            + " order by created_at desc, id desc limit 51");
            plan(db, "an endpoint's deliveries (GET /api/v1/webhooks/{id}/deliveries)",
                    "select " + columns + " from notifications.delivery where true and channel = 'webhook' and"
                            + " recipient = '00000000-0000-0000-0000-000000000002' order by created_at desc, id desc"
                            + " limit 51");
            db.rollback();
        }
    }

    void plan(Connection db, String label, String sql) throws SQLException {
        var explained = TransitionBench.explain(db, sql);
        report.append("**")
                .append(label)
                .append(String.format(Locale.ROOT, "**: %.2f ms (planning %.2f ms)\n\n```\n",
                        explained.executionMs(), explained.planningMs()))
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
        return TransitionBench.JSON.readTree(response.body()).get("id").asString();
    }

    void setEnabled(String endpointId, boolean enabled) throws Exception {
        var response = http.send(
                api("/api/v1/webhooks/" + endpointId + (enabled ? "/enable" : "/disable"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("endpoint enable/disable: " + response.statusCode() + " " + response.body());
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
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + app.apiKey);
    }

    String cpuLine(long[] before, long[] after, long deliveries) {
        if (before == null || after == null || deliveries == 0) {
            return "";
        }
        double tick = app.clockTicks;
        double appMs = (after[0] - before[0]) * 1000.0 / tick;
        double pgMs = (after[1] - before[1]) * 1000.0 / tick;
        double benchMs = (after[2] - before[2]) * 1000.0 / tick;
        return String.format(Locale.ROOT,
                "CPU per delivery: app %.2f ms, PostgreSQL %.2f ms, receiver + load generator %.2f ms.",
                appMs / deliveries, pgMs / deliveries, benchMs / deliveries);
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

    // ------------------------------------------------------------------------------------------------ receiver

    /** One webhook request: its id, when it arrived, and the event's time from the body. */
    record Arrival(String messageId, long nanos, Instant arrivedAt, Instant eventAt) {
        long latencyMicros() {
            return Duration.between(eventAt, arrivedAt).toNanos() / 1000;
        }
    }

    /** A local webhook receiver that records every arrival and answers 204; it does not verify (the tests do). */
    static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(64);
        private volatile ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        private volatile Set<String> ids = ConcurrentHashMap.newKeySet();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(threads);
            server.createContext("/hook/", exchange -> {
                Instant arrived = Instant.now();
                long nanos = System.nanoTime();
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                arrivals.add(new Arrival(id, nanos, arrived, eventTime(body)));
                ids.add(id + exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        /** The body's top-level "timestamp" (the event's time); it comes before "data" in every body. */
        static Instant eventTime(byte[] body) {
            String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            int at = text.indexOf("\"timestamp\":\"");
            int from = at + 13;
            return Instant.parse(text.substring(from, text.indexOf('"', from)));
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        void reset() {
            arrivals = new ConcurrentLinkedQueue<>();
            ids = ConcurrentHashMap.newKeySet();
        }

        long unique() {
            return ids.size();
        }

        List<Arrival> arrivals() {
            return new ArrayList<>(arrivals);
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
