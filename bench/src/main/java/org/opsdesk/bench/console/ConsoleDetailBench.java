package org.opsdesk.bench.console;

import static org.opsdesk.bench.Bench.log;

import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.bench.transitions.BenchConfig;
import org.opsdesk.bench.transitions.Seeder;

/**
 * Console detail benchmark (issue 5): the server-side render of {@code /operations/{id}} for a signed-in operator
 * at 1M seeded operations — random operations, each sample a different one, and one operation with a longer
 * history rendered repeatedly — p50/p95 over sequential requests from one client on 127.0.0.1. Run through
 * bench/console-detail.sh.
 */
public final class ConsoleDetailBench {

    static final String HEADING = "## Console detail (issue 5)";

    public static void main(String[] args) {
        var options = ConsoleArgs.parse(args, 300);
        long operations = options.operations();
        int samples = options.samples();
        boolean writeDoc = options.writeDoc();
        var cfg = BenchConfig.parse(new String[] {"--operations", Long.toString(operations), "--phases", "list"});
        var app = new BenchApp(cfg.appJavaOpts());
        Bench.exitAfter(() -> run(app, cfg, samples, operations, writeDoc), app);
    }

    static final int WORKED_COMMENTS = 200;
    /** Creation, claim, the comments, and three moves. */
    static final int WORKED_ENTRIES = 2 + WORKED_COMMENTS + 3;

    /**
     * A withdrawal created, claimed, commented on {@value #WORKED_COMMENTS} times and moved to completion through
     * the API, as a long-running case is: a long timeline, with the deliveries its moves caused.
     */
    static String workedThroughTheApi(BenchApp app) throws Exception {
        var api = new ApiRequests(app);
        String created = api.send(
                "POST",
                "/api/v1/operations",
                "{\"type\":\"withdrawal\",\"reference\":\"WORKED-" + System.nanoTime()
                        + "\",\"subject\":\"client-4242\",\"amount\":{\"value\":\"250.00\",\"currency\":\"EUR\"}}");
        String id = Bench.JSON.readTree(created).get("id").asString();
        api.send("PUT", "/api/v1/operations/" + id + "/assignee", "{\"assignee\":\"bench-list\"}");
        for (int i = 0; i < WORKED_COMMENTS; i++) {
            api.send(
                    "POST",
                    "/api/v1/operations/" + id + "/comments",
                    "{\"text\":\"Checked with the client, step " + i + ": documents on file, nothing to add.\"}");
        }
        for (String to : List.of("under_review", "approved", "sent")) {
            api.send("POST", "/api/v1/operations/" + id + "/transitions", "{\"to\":\"" + to + "\"}");
        }
        return id;
    }

    static void run(BenchApp app, BenchConfig cfg, int samples, long operations, boolean writeDoc) throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        app.start();
        List<String> ids = new ArrayList<>();
        String busy;
        int busyEntries;
        try (Connection db = app.connect()) {
            new Seeder(cfg).seed(db);
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
        var browser = ConsoleSession.signIn(app, "bench-list");
        String worked = workedThroughTheApi(app);
        var table = new StringBuilder("| page | p50 | p95 | max | < 100 ms p95 |\n|---|---:|---:|---:|---|\n");
        for (int i = 0; i < 30; i++) {
            browser.get("/operations/" + ids.get(samples + i)); // warm-up: JIT, plans
        }
        row(
                table,
                "random operation, each sample another (" + samples + " of them)",
                time(browser, samples, i -> ids.get(i)));
        row(
                table,
                "the seeded operation with the longest history (" + busyEntries + " entries), repeatedly",
                time(browser, samples, i -> busy));
        Histogram long_ = time(browser, samples, i -> worked);
        row(
                table,
                "a withdrawal worked through the API: " + WORKED_ENTRIES + " history entries (claim, " + WORKED_COMMENTS
                        + " comments, moves) and its deliveries, repeatedly",
                long_);
        String md = HEADING + "\n\n"
                + "Command: `BENCH_DATA_DIR=/tmp/bench-data-detail bench/console-detail.sh"
                + (operations == 1_000_000 ? "" : " --operations " + operations) + "` — " + started.withNano(0)
                + " to " + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + ", "
                + Machine.facts().get("nproc") + " cores, load average before "
                + Machine.loadAverage() + ".\n"
                + String.format(Locale.ROOT, "%,d seeded operations (TransitionBench's mix);", operations)
                + " an operator (role `bench_operator`: the `operator` role without its second factor) signed in through the login form, one client sending requests one"
                + " after another over keep-alive on 127.0.0.1; times are from request to the last byte of the whole"
                + " page: layout, header, available moves, pending approvals, manual notification offers (rendered"
                + " templates), the timeline with deliveries and the chain verification (hashes recomputed on every"
                + " render), " + samples + " samples after 30 warm-up requests.\n\n"
                + table;
        System.out.println(md);
        if (writeDoc) {
            DocSection.write(DocSection.benchmarks(), HEADING, md);
        }
    }

    /** {@code samples} renders of /operations/{id} for the ids {@code id} gives, each checked for its timeline. */
    static Histogram time(ConsoleSession browser, int samples, IntFunction<String> id) throws Exception {
        Histogram times = Latency.histogram();
        for (int i = 0; i < samples; i++) {
            String path = "/operations/" + id.apply(i);
            long t0 = System.nanoTime();
            String page = browser.get(path);
            Latency.record(times, System.nanoTime() - t0);
            if (!page.contains("id=\"timeline\"")) {
                throw new IllegalStateException(path + " rendered no timeline");
            }
        }
        return times;
    }

    static void row(StringBuilder table, String name, Histogram times) {
        Latency l = Latency.of(times);
        table.append(String.format(
                Locale.ROOT,
                "| %s | %.1f ms | %.1f ms | %.1f ms | %s |%n",
                name,
                l.p50(),
                l.p95(),
                l.max(),
                l.p95() < 100 ? "yes" : "**no**"));
        log(name + ": p95 " + l.p95() + " ms");
    }
}
