package org.opsdesk.bench.export;

import static org.opsdesk.bench.Bench.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.HeapSampler;
import org.opsdesk.bench.transitions.BenchConfig;
import org.opsdesk.bench.transitions.Seeder;
import org.postgresql.PGConnection;

/**
 * CSV export benchmark (issue 5): for the same filtered rows, PostgreSQL's own {@code COPY (select …) TO STDOUT
 * CSV} read through the JDBC CopyManager, against the application's {@code GET /api/v1/exports/operations.csv}
 * streamed over HTTP and read to the end, alternately, several rounds each. The app runs with a small heap
 * ({@code -Xmx256m} unless BENCH_APP_JAVA_OPTS says otherwise); its heap use is sampled from
 * {@code /actuator/prometheus} every 100 ms during each export, and its resident size from /proc.
 *
 * <p>Run through bench/export.sh, which builds the jar; the app starts on a fresh embedded PostgreSQL under
 * BENCH_DATA_DIR and the core-engine benchmark's seeder writes the 1M rows.
 */
public final class ExportBench {

    /** The columns the export writes, in its order, and the filters measured (query string → SQL condition). */
    static final String COLUMNS = "id, type, reference, status, stage, subject, amount, currency, assignee, "
            + "created_at, updated_at, due_at, version, attributes";

    record Filter(String name, String query, String where) {}

    // Everything first: its unmeasured round (1.1M rows) warms the app's JIT for both filters.
    static final List<Filter> FILTERS = List.of(
            new Filter("everything", "", ""),
            new Filter("withdrawals", "type=withdrawal", "where type = 'withdrawal'"));

    record Sample(long rows, long bytes, double seconds, long maxHeap) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        double mbPerSecond() {
            return bytes / seconds / 1e6;
        }
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "5"));
        var cfg = BenchConfig.parse(new String[] {"--phases", "create"});
        var app = new BenchApp(cfg.appJavaOpts());
        Bench.exitAfter(() -> new ExportBench(cfg, app, rounds).run(), app);
    }

    final BenchConfig cfg;
    final BenchApp app;
    final int rounds;
    final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ExportBench(BenchConfig cfg, BenchApp app, int rounds) {
        this.cfg = cfg;
        this.app = app;
        this.rounds = rounds;
    }

    void run() throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        var machine = Machine.facts();
        String loadBefore = Machine.loadAverage();
        boolean reuse = "1".equals(System.getenv("BENCH_REUSE_DATA"));
        if (reuse) {
            // the rows seeded by an earlier run in BENCH_DATA_DIR, with the freshly built jar
            app.startOnExistingData();
        } else {
            app.start();
            try (Connection db = app.connect()) {
                new Seeder(cfg).seed(db);
            }
        }
        var report = new StringBuilder("## CSV export (issue 5)\n\n");
        report.append(String.format(
                Locale.ROOT,
                "Command: `%s`. Run %s, load average before %s; machine: %s cores, %s; %s.\n\n",
                cfg.command(),
                started.toString().substring(0, 16).replace('T', ' ') + " UTC",
                loadBefore,
                machine.get("nproc"),
                machine.get("cpu"),
                machine.get("git")));
        report.append(String.format(
                Locale.ROOT,
                "%s %,d operations of the 12 shipped types + %,d `bench_ping` (as in \"Core engine\"). App JVM "
                        + "`%s`; the benchmark's client and PostgreSQL share the machine's cores with it. Each "
                        + "round runs COPY, then the HTTP export, of the same filter; the figures are medians of %d "
                        + "rounds (3 for every operation) after one unmeasured round of each (JIT, caches). COPY: `COPY (select %s from "
                        + "operations.operation <where> order by created_at desc, id desc) TO STDOUT (FORMAT csv, "
                        + "HEADER)` through pgjdbc's `CopyManager`, bytes counted and discarded. HTTP: `GET "
                        + "/api/v1/exports/operations.csv?<filter>` with the bootstrap key (JDK HttpClient, HTTP/1.1, "
                        + "body read to the end in 64 KB reads and discarded). Heap: the app's "
                        + "`jvm_memory_used_bytes{area=\"heap\"}` sampled every 100 ms during the export (max).\n\n",
                reuse ? "On the rows an earlier run of the same script seeded (`BENCH_REUSE_DATA=1`):" : "Seeded",
                cfg.operations(),
                cfg.pingOperations(),
                cfg.appJavaOpts(),
                rounds,
                COLUMNS));
        report.append(
                "| filter | rows | COPY rows/s | COPY MB/s | export rows/s | export MB/s | export/COPY | "
                        + "CSV size (export) | app heap max during export | target ≥ 50% |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Filter filter : FILTERS) {
            copy(filter);
            export(filter); // warm-up
            var copies = new ArrayList<Sample>();
            var exports = new ArrayList<Sample>();
            int n = filter.query().isEmpty() ? Math.min(rounds, 3) : rounds; // a full round takes a minute
            for (int i = 0; i < n; i++) {
                copies.add(copy(filter));
                exports.add(export(filter));
                log(String.format(
                        Locale.ROOT,
                        "%s round %d: COPY %.2f s, export %.2f s (%,d rows)",
                        filter.name(),
                        i + 1,
                        copies.get(i).seconds(),
                        exports.get(i).seconds(),
                        exports.get(i).rows()));
            }
            Sample copy = median(copies);
            Sample export = median(exports);
            if (copy.rows() != export.rows()) {
                throw new IllegalStateException(
                        filter.name() + ": COPY sent " + copy.rows() + " rows, the export " + export.rows());
            }
            double ratio = export.rowsPerSecond() / copy.rowsPerSecond();
            long heap = exports.stream().mapToLong(Sample::maxHeap).max().orElse(0);
            report.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %,d | %,.0f | %.1f | %,.0f | %.1f | **%.0f%%** | %.0f MB | %.0f MB | %s |\n",
                    filter.query().isEmpty() ? "(none: every operation)" : filter.query(),
                    export.rows(),
                    copy.rowsPerSecond(),
                    copy.mbPerSecond(),
                    export.rowsPerSecond(),
                    export.mbPerSecond(),
                    ratio * 100,
                    export.bytes() / 1e6,
                    heap / 1e6,
                    ratio >= 0.5 ? "met" : "**not met**"));
        }
        report.append(String.format(
                Locale.ROOT,
                "\nThe whole run took %.1f min (load average after: %s). The app's resident set size after the "
                        + "exports: %s. Rows are counted as lines minus the header; "
                        + "the export's file is larger than COPY's for the same rows (CRLF line ends, ISO-8601 `Z` "
                        + "times instead of `+00`). Constant memory: the export hands each row from pgjdbc's cursor "
                        + "(fetch size 5,000, read-only transaction) to the CSV writer and keeps none, which is why "
                        + "the whole table streams through a 256 MB heap; the audit of each run is in "
                        + "`GET /api/v1/exports`.\n",
                Bench.secondsSince(t0) / 60,
                Machine.loadAverage(),
                rss()));
        String md = report.toString();
        System.out.println(md);
        if (cfg.writeDoc()) {
            DocSection.write(cfg.doc(), "## CSV export (issue 5)", md);
            log("report written to docs/benchmarks.md");
        }
    }

    Sample copy(Filter filter) throws Exception {
        String sql = "COPY (select " + COLUMNS + " from operations.operation " + filter.where()
                + " order by created_at desc, id desc) TO STDOUT (FORMAT csv, HEADER)";
        try (Connection db = app.connect()) {
            var counter = new Counter();
            long t0 = System.nanoTime();
            db.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, counter);
            double seconds = Bench.secondsSince(t0);
            return new Sample(counter.lines - 1, counter.bytes, seconds, 0);
        }
    }

    Sample export(Filter filter) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create(app.baseUrl() + "/api/v1/exports/operations.csv?" + filter.query()))
                .header("Authorization", "Bearer " + app.apiKey())
                .timeout(Duration.ofMinutes(10))
                .build();
        var heap = HeapSampler.start(app);
        long t0 = System.nanoTime();
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        var counter = new Counter();
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "export answered " + response.statusCode() + ": " + new String(body.readAllBytes()));
            }
            body.transferTo(counter);
        }
        double seconds = Bench.secondsSince(t0);
        return new Sample(counter.lines - 1, counter.bytes, seconds, heap.stop());
    }

    String rss() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + app.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.substring(6).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Sample median(List<Sample> samples) {
        var sorted = samples.stream()
                .sorted((a, b) -> Double.compare(a.seconds(), b.seconds()))
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Counts bytes and line ends, keeping nothing. */
    static final class Counter extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
