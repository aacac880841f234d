package org.opsdesk.bench.console;

import static org.opsdesk.bench.Bench.log;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Latency;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.transitions.BenchConfig;
import org.opsdesk.bench.transitions.Seeder;

/**
 * Console list benchmark (issue 5): the server-side render of {@code /operations} for a signed-in operator at 1M
 * seeded operations — unfiltered first page, type+status, 20 pages deep by cursor, free text (reference prefix,
 * narrow and wide, and an exact subject) — p50/p95 over sequential requests from one client on 127.0.0.1, plus
 * the plan of the free-text query. Run through bench/console-list.sh.
 */
public final class ConsoleListBench {

    static final String HEADING = "## Console list (issue 5)";
    static final Pattern NEXT = Pattern.compile(
            "href=\"([^\"]*cursor=[^\"]+)\"\\s+id=\"next-page\"|id=\"next-page\"[^>]*href=\"([^\"]+)\"");
    static final Pattern ROWS = Pattern.compile("<tr data-row");

    public static void main(String[] args) {
        var options = ConsoleArgs.parse(args, 200);
        long operations = options.operations();
        int samples = options.samples();
        boolean writeDoc = options.writeDoc();
        var cfg = BenchConfig.parse(new String[] {"--operations", Long.toString(operations), "--phases", "list"});
        var app = new BenchApp(cfg.appJavaOpts());
        var bench = new ConsoleListBench(app, samples, operations);
        Bench.exitAfter(() -> bench.run(cfg, writeDoc), app);
    }

    private final BenchApp app;
    private final int samples;
    private final long operations;
    private ConsoleSession browser;

    ConsoleListBench(BenchApp app, int samples, long operations) {
        this.app = app;
        this.samples = samples;
        this.operations = operations;
    }

    void run(BenchConfig cfg, boolean writeDoc) throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        app.start();
        // first: a sign-in problem shows before minutes of seeding, not after
        browser = ConsoleSession.signIn(app, "bench-list");
        if (!browser.get("/operations").contains("data-keyboard-list")) {
            throw new IllegalStateException("/operations did not render the list after signing in");
        }
        try (Connection db = app.connect()) {
            new Seeder(cfg).seed(db);
        }
        var cases = new LinkedHashMap<String, String>();
        cases.put("unfiltered, first page", "/operations");
        cases.put("type=withdrawal&status=PENDING", "/operations?type=withdrawal&status=PENDING");
        cases.put("unfiltered, 20 pages deep (cursor)", deep("/operations", 20));
        cases.put("type+status, 20 pages deep (cursor)", deep("/operations?type=withdrawal&status=PENDING", 20));
        cases.put("q=SEED-12345 (reference prefix, 11 rows)", "/operations?q=SEED-12345");
        cases.put("q=SEED-1 (reference prefix, ~111,000 rows)", "/operations?q=SEED-1");
        cases.put("q=client-4242 (exact subject)", "/operations?q=client-4242");
        cases.put("status tabs + poll: /operations/fresh", "/operations/fresh?since=" + java.time.Instant.now());

        var table =
                new StringBuilder("| page | rows | p50 | p95 | max | < 100 ms p95 |\n|---|---:|---:|---:|---:|---|\n");
        for (var entry : cases.entrySet()) {
            String path = entry.getValue();
            int rows =
                    ROWS.matcher(browser.get(path)).results().mapToInt(m -> 1).sum();
            for (int i = 0; i < 30; i++) {
                browser.get(path); // warm-up: JIT, plans, buffers
            }
            Histogram times = Latency.histogram();
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                browser.get(path);
                Latency.record(times, System.nanoTime() - t0);
            }
            table.append(row(entry.getKey(), rows, Latency.of(times)));
        }
        String plan;
        try (Connection db = app.connect();
                var st = db.createStatement()) {
            plan = explain(st.executeQuery("explain (analyze, buffers, costs off) select id from operations.operation"
                    + " where (reference like 'SEED-12345%' or subject = 'SEED-12345')"
                    + " order by created_at desc, id desc limit 51"));
        }
        String md = HEADING + "\n\n"
                + "Command: `bench/console-list.sh" + (operations == 1_000_000 ? "" : " --operations " + operations)
                + "` — " + started.withNano(0) + " to "
                + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + ", "
                + Machine.facts().get("nproc") + " cores, load average before " + Machine.loadAverage() + ".\n"
                + String.format(Locale.ROOT, "%,d seeded operations (TransitionBench's mix);", operations)
                + " an operator (role `bench_operator`: the `operator` role without its second factor, all types visible) signed in through the login form, one client"
                + " sending requests one after another over keep-alive on 127.0.0.1; times are from request to the"
                + " last byte of the whole rendered page (layout, status tabs from the counters, 50 rows, saved-views"
                + " menu), " + samples + " samples after 30 warm-up requests per page.\n\n"
                + table
                + "\nPlan of the free-text query (reference prefix or exact subject) at this size:\n\n```\n" + plan
                + "```\n";
        System.out.println(md);
        if (writeDoc) {
            DocSection.write(DocSection.benchmarks(), HEADING, md);
        }
    }

    private static String row(String name, int rows, Latency l) {
        log(name + ": p95 " + l.p95() + " ms");
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %s |%n",
                name,
                rows,
                l.p50(),
                l.p95(),
                l.max(),
                l.p95() < 100 ? "yes" : "**no**");
    }

    /** The URL of the page {@code pages} Next links after {@code first}. */
    private String deep(String first, int pages) throws Exception {
        String path = first;
        for (int i = 0; i < pages; i++) {
            Matcher next = NEXT.matcher(browser.get(path));
            if (!next.find()) {
                throw new IllegalStateException("no next page after " + i + " pages of " + first);
            }
            path = (next.group(1) != null ? next.group(1) : next.group(2)).replace("&amp;", "&");
        }
        return path;
    }

    private static String explain(ResultSet rs) throws Exception {
        var plan = new StringBuilder();
        while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString();
    }
}
