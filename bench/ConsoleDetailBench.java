import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Console detail benchmark (issue 5): the server-side render of {@code /operations/{id}} for a signed-in operator
 * at 1M seeded operations — random operations, each sample a different one, and one operation with a longer
 * history rendered repeatedly — p50/p95 over sequential requests from one client on 127.0.0.1. Run through
 * bench/console-detail.sh, which compiles this with TransitionBench (the app and the seeder) and ConsoleListBench
 * (signing in through the login form).
 */
public class ConsoleDetailBench {

    static final String HEADING = "## Console detail (issue 5)";

    public static void main(String[] args) throws Exception {
        long operations = 1_000_000;
        int samples = 300;
        boolean writeDoc = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--operations" -> operations = Long.parseLong(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--no-doc" -> writeDoc = false;
                default -> throw new IllegalArgumentException("usage: [--operations N] [--samples N] [--no-doc]");
            }
        }
        var cfg = TransitionBench.Config.parse(
                new String[] {"--operations", Long.toString(operations), "--phases", "list"});
        var app = new TransitionBench.App(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bench-cleanup"));
        int exit = 0;
        try {
            run(app, cfg, samples, operations, writeDoc);
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

    static final int WORKED_COMMENTS = 200;
    /** Creation, claim, the comments, and three moves. */
    static final int WORKED_ENTRIES = 2 + WORKED_COMMENTS + 3;

    /**
     * A withdrawal created, claimed, commented on {@value #WORKED_COMMENTS} times and moved to completion through
     * the API, as a long-running case is: a long timeline, with the deliveries its moves caused.
     */
    static String workedThroughTheApi(TransitionBench.App app) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String created = call(http, app, "POST", "/api/v1/operations",
                "{\"type\":\"withdrawal\",\"reference\":\"WORKED-" + System.nanoTime()
                        + "\",\"subject\":\"client-4242\",\"amount\":{\"value\":\"250.00\",\"currency\":\"EUR\"}}");
        var idMatch = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created);
        if (!idMatch.find()) {
            throw new IllegalStateException("no id in " + created);
        }
        String id = idMatch.group(1);
        call(http, app, "PUT", "/api/v1/operations/" + id + "/assignee", "{\"assignee\":\"bench-list\"}");
        for (int i = 0; i < WORKED_COMMENTS; i++) {
            call(http, app, "POST", "/api/v1/operations/" + id + "/comments",
                    "{\"text\":\"Checked with the client, step " + i + ": documents on file, nothing to add.\"}");
        }
        for (String to : List.of("under_review", "approved", "sent")) {
            call(http, app, "POST", "/api/v1/operations/" + id + "/transitions", "{\"to\":\"" + to + "\"}");
        }
        return id;
    }

    private static String call(
            java.net.http.HttpClient http, TransitionBench.App app, String method, String path, String json)
            throws Exception {
        var response = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + path))
                        .header("Authorization", "Bearer " + app.apiKey)
                        .header("Content-Type", "application/json")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static void run(TransitionBench.App app, TransitionBench.Config cfg, int samples, long operations, boolean writeDoc)
            throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        app.start();
        List<String> ids = new ArrayList<>();
        String busy;
        int busyEntries;
        try (Connection db = app.connect()) {
            new TransitionBench(cfg, app).seed(db);
            try (var st = db.createStatement();
                    var rs = st.executeQuery("select id from operations.operation tablesample system (1)"
                            + " where type <> 'bench_ping' order by random() limit " + (samples + 30))) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            try (var st = db.createStatement();
                    var rs = st.executeQuery("select operation_id, count(*) from operations.history_entry"
                            + " group by operation_id order by count(*) desc limit 1")) {
                rs.next();
                busy = rs.getString(1);
                busyEntries = rs.getInt(2);
            }
        }
        var browser = new ConsoleListBench(app, samples, operations);
        browser.signIn();
        String worked = workedThroughTheApi(app);
        var table = new StringBuilder("| page | p50 | p95 | max | < 100 ms p95 |\n|---|---:|---:|---:|---|\n");
        for (int i = 0; i < 30; i++) {
            browser.get("/operations/" + ids.get(samples + i)); // warm-up: JIT, plans
        }
        long[] random = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            String page = browser.get("/operations/" + ids.get(i));
            random[i] = System.nanoTime() - t0;
            if (!page.contains("id=\"timeline\"")) {
                throw new IllegalStateException("/operations/" + ids.get(i) + " rendered no timeline");
            }
        }
        row(table, "random operation, each sample another (" + samples + " of them)", random);
        long[] same = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            browser.get("/operations/" + busy);
            same[i] = System.nanoTime() - t0;
        }
        row(table, "the seeded operation with the longest history (" + busyEntries + " entries), repeatedly", same);
        long[] long_ = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            browser.get("/operations/" + worked);
            long_[i] = System.nanoTime() - t0;
        }
        row(table, "a withdrawal worked through the API: " + WORKED_ENTRIES + " history entries (claim, "
                + WORKED_COMMENTS + " comments, moves) and its deliveries, repeatedly", long_);
        String md = HEADING + "\n\n"
                + "Command: `BENCH_DATA_DIR=/tmp/bench-data-detail bench/console-detail.sh"
                + (operations == 1_000_000 ? "" : " --operations " + operations) + "` — " + started.withNano(0)
                + " to " + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + ", "
                + TransitionBench.machineFacts().get("nproc") + " cores, load average before "
                + TransitionBench.loadAverage() + ".\n"
                + String.format(Locale.ROOT, "%,d seeded operations (TransitionBench's mix);", operations)
                + " an operator (role `operator`) signed in through the login form, one client sending requests one"
                + " after another over keep-alive on 127.0.0.1; times are from request to the last byte of the whole"
                + " page: layout, header, available moves, pending approvals, manual notification offers (rendered"
                + " templates), the timeline with deliveries and the chain verification (hashes recomputed on every"
                + " render), " + samples + " samples after 30 warm-up requests.\n\n"
                + table;
        System.out.println(md);
        if (writeDoc) {
            TransitionBench.writeDoc(TransitionBench.ROOT.resolve("docs/benchmarks.md"), HEADING, md);
        }
    }

    static void row(StringBuilder table, String name, long[] times) {
        Arrays.sort(times);
        double p95 = TransitionBench.percentileMs(times, 0.95);
        table.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %s |%n", name,
                TransitionBench.percentileMs(times, 0.50), p95, times[times.length - 1] / 1e6,
                p95 < 100 ? "yes" : "**no**"));
        TransitionBench.log(name + ": p95 " + p95 + " ms");
    }
}
