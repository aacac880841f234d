package org.opsdesk.bench.console;

import static org.opsdesk.bench.Bench.log;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 * Console dashboard benchmark (issue 5): on TransitionBench's seeded database (N operations of the 12 shipped types
 * created over the last 365 days, plus history for the last 30 days: assignments, approvals and the move into the
 * final stage, by 37 operators), the latency of
 *
 * <ul>
 *   <li>the counts by status × type: {@code GET /api/v1/operations/counts} (the maintained counters), and the same
 *       counters read over JDBC;
 *   <li>the whole dashboard: {@code GET /api/v1/reports/dashboard} (every figure) and the page {@code /} signed in
 *       as an operator (figures + Thymeleaf);
 *   <li>for comparison, {@code COUNT(*) GROUP BY type, status} over the operations table.
 * </ul>
 *
 * <p>Run through bench/dashboard.sh, which builds the jar; the app starts on a fresh embedded PostgreSQL in
 * BENCH_DATA_DIR and the core-engine benchmark's seeder fills it.
 */
public final class DashboardBench {

    static final String HEADING = "## Console dashboard (issue 5)";

    public static void main(String[] args) {
        long operations =
                Long.parseLong(System.getenv().getOrDefault("BENCH_OPERATIONS", args.length > 0 ? args[0] : "1000000"));
        int requests = Integer.parseInt(System.getenv().getOrDefault("BENCH_REQUESTS", "200"));
        var cfg = BenchConfig.parse(new String[] {"--operations", Long.toString(operations), "--no-doc"});
        var app = new BenchApp(cfg.appJavaOpts());
        // measure the computation itself, not the one-minute reuse of the figures (ADR 0010), unless told otherwise
        app.extraEnv()
                .put("OPSDESK_REPORTS_FIGURES_MAX_AGE", System.getenv().getOrDefault("BENCH_FIGURES_MAX_AGE", "PT0S"));
        Bench.exitAfter(() -> new DashboardBench(app, requests).run(cfg), app);
    }

    static final String FIRST_CALL = "dashboard JSON API, first call (rolls up the 29 closed days)";
    static final String LIVE_STAGE_TIMES = "time in stage over 30 days straight from the history, over JDBC";

    /** How time in stage was computed before the daily rollups: every transition of 30 days, joined twice. */
    static final String LIVE_STAGE_TIMES_SQL =
            """
            select o.type, h.from_stage, count(*),
              percentile_cont(0.5) within group (order by extract(epoch from h.at - entered.at)),
              percentile_cont(0.9) within group (order by extract(epoch from h.at - entered.at))
            from operations.history_entry h
            join operations.operation o on o.id = h.operation_id
            cross join lateral (
              select e.at from operations.history_entry e
              where e.operation_id = h.operation_id and e.seq < h.seq and e.kind in ('created', 'transitioned')
              order by e.seq desc limit 1) entered
            where h.kind = 'transitioned' and h.at >= current_date - 29 and h.at < now()
            group by 1, 2""";

    final BenchApp app;
    final int requests;
    final Map<String, Latency> timings = new LinkedHashMap<>();

    DashboardBench(BenchApp app, int requests) {
        this.app = app;
        this.requests = requests;
    }

    void run(BenchConfig cfg) throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        String load = Machine.loadAverage();
        app.start();
        long rows;
        double seedSeconds;
        try (Connection db = app.connect()) {
            long t0 = System.nanoTime();
            new Seeder(cfg).seed(db);
            seedHistory(db);
            // The seed back-dates history, which the app never does: a day the rollup schedule stored while the
            // seed ran would lack it. Start the measurement with no stored day, as a fresh installation has.
            try (var st = db.createStatement()) {
                st.execute("truncate operations.stage_time_day, operations.operator_work_day, operations.flow_day,"
                        + " operations.figure_day");
            }
            seedSeconds = Bench.secondsSince(t0);
            rows = single(db, "select count(*) from operations.operation");
        }
        var api = new ApiRequests(app);
        var console = ConsoleSession.signIn(app, "bench-dashboard");
        int warm = Math.max(10, requests / 10);
        measure("counts API", warm, requests, () -> ok(api, "/api/v1/operations/counts"));
        measure(FIRST_CALL, 0, 1, () -> ok(api, "/api/v1/reports/dashboard"));
        measure("dashboard JSON API", warm, requests, () -> ok(api, "/api/v1/reports/dashboard"));
        measure("dashboard page /", warm, requests, () -> console.get("/"));
        try (Connection db = app.connect()) {
            measure(
                    "counters over JDBC",
                    warm,
                    requests,
                    () -> query(
                            db,
                            "select type, status, sum(n) from (select type, status, n from operations.status_count"
                                    + " union all select type, status, n from operations.status_count_delta) c"
                                    + " group by type, status"));
            measure(
                    "COUNT(*) GROUP BY over JDBC",
                    2,
                    20,
                    () -> query(db, "select type, status, count(*) from operations.operation group by type, status"));
            measure(LIVE_STAGE_TIMES, 1, 5, () -> query(db, LIVE_STAGE_TIMES_SQL));
        }
        String md = markdown(cfg, started, load, rows, seedSeconds);
        System.out.println(md);
        if (!"1".equals(System.getenv("BENCH_NO_DOC"))) {
            DocSection.write(DocSection.benchmarks(), HEADING, md);
            log("report written to docs/benchmarks.md");
        }
    }

    /**
     * History for the dashboard's windowed figures: every seeded operation created in the last 30 days that is no
     * longer pending gets an assignment (when it has an assignee), an approval for one in ten, and the move from
     * its type's initial stage into its final one at its stage_entered_at, by one of 37 operators.
     */
    void seedHistory(Connection db) throws SQLException {
        long t0 = System.nanoTime();
        db.setAutoCommit(true);
        try (var st = db.createStatement()) {
            st.execute("set statement_timeout = '20min'");
            st.execute(
                    """
                    insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id,
                      actor_name, from_stage, from_status, to_stage, to_status, reason, comment, override, changes,
                      request_id, previous_hash, hash)
                    select o.id, s.seq, s.kind, s.at, 'operator', 'operator-' || (abs(hashtext(o.id::text)) % 37),
                      'Operator ' || (abs(hashtext(o.id::text)) % 37),
                      case when s.kind = 'transitioned' then h.to_stage end,
                      case when s.kind = 'transitioned' then h.to_status end,
                      o.stage, o.status, null, null, false, '{}', null, sha256(o.id::text::bytea),
                      sha256((o.id::text || s.seq)::bytea)
                    from operations.operation o
                    join operations.history_entry h on h.operation_id = o.id and h.seq = 1
                    cross join lateral (values
                        (2, 'assigned', o.created_at + (o.stage_entered_at - o.created_at) / 4, o.assignee is not null),
                        (3, 'approval_given', o.stage_entered_at - interval '1 second', abs(hashtext(o.id::text)) % 10 = 0),
                        (4, 'transitioned', o.stage_entered_at, true)) as s(seq, kind, at, wanted)
                    where o.created_at > now() - interval '30 days' and o.status <> 'PENDING' and s.wanted""");
            st.execute("vacuum analyze operations.history_entry");
            st.execute("vacuum analyze operations.operation");
            st.execute("checkpoint");
        }
        log(String.format(Locale.ROOT, "dashboard history seeded in %.1f s", Bench.secondsSince(t0)));
    }

    static String ok(ApiRequests api, String path) throws Exception {
        var response = api.client()
                .send(
                        api.request(path).timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static Object query(Connection db, String sql) throws SQLException {
        try (var st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    static long single(Connection db, String sql) throws SQLException {
        try (var st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    /** Sequential calls, one client: warm-up calls unmeasured, then the latency of each. */
    void measure(String label, int warmup, int count, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        Histogram nanos = Latency.histogram();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            call.run();
            Latency.record(nanos, System.nanoTime() - t0);
        }
        Latency latency = Latency.of(nanos);
        timings.put(label, latency);
        log(String.format(
                Locale.ROOT, "%s: p50 %.2f ms, p95 %.2f ms (%d calls)", label, latency.p50(), latency.p95(), count));
    }

    String markdown(BenchConfig cfg, ZonedDateTime started, String load, long rows, double seedSeconds) {
        var b = new StringBuilder(HEADING).append("\n\n");
        b.append("Command: `")
                .append(System.getenv().getOrDefault("BENCH_COMMAND", "bench/dashboard.sh"))
                .append("` — run ")
                .append(started.toLocalDateTime().withNano(0))
                .append(" UTC on ")
                .append(Machine.facts().get("nproc"))
                .append(" cores shared with the app and PostgreSQL (load average before: ")
                .append(load)
                .append(").\n\n");
        b.append(String.format(
                Locale.ROOT,
                "Data: %,d operations (TransitionBench's seed: %,d of the 12 shipped types created over the last 365"
                        + " days, 10%% pending, + `bench_ping`), plus history for the last 30 days (assignment,"
                        + " one approval in ten, the move into the final stage, by 37 operators); seeded, vacuumed"
                        + " and checkpointed in %.0f s. One client, sequential calls after a warm-up; latency as"
                        + " the client sees it (HTTP on 127.0.0.1, or JDBC).\n\n",
                rows,
                cfg.operations(),
                seedSeconds));
        b.append("| what | calls | p50 | p95 |\n|---|---|---|---|\n");
        timings.forEach((label, nanos) -> b.append(String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s |\n",
                label,
                nanos.count(),
                Latency.format(nanos.p50()),
                Latency.format(nanos.p95()))));
        Latency counts = timings.get("counts API");
        Latency groupBy = timings.get("COUNT(*) GROUP BY over JDBC");
        if (counts != null && groupBy != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "\nThe counts by status × type (target < 20 ms at any size) answer in %s at the median over"
                            + " HTTP, %.0f× faster than counting the rows (%s).\n",
                    Latency.format(counts.p50()),
                    groupBy.p50() / counts.p50(),
                    Latency.format(groupBy.p50())));
        }
        Latency first = timings.get(FIRST_CALL);
        Latency json = timings.get("dashboard JSON API");
        Latency live = timings.get(LIVE_STAGE_TIMES);
        if (first != null && json != null && live != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "\nTime in stage and operator work come from daily rollups of closed days plus today read live"
                            + " (docs/adr/0010-dashboard-figures.md). The first call after start, with no day stored,"
                            + " took %s (it rolls up the 29 closed days once; the app's schedule does the same on"
                            + " its own); after that the whole dashboard JSON answers in %s at the median, while the"
                            + " time-in-stage query alone over 30 days of history took %s at the median.\n",
                    Latency.format(first.p50()),
                    Latency.format(json.p50()),
                    Latency.format(live.p50())));
        }
        return b.toString();
    }
}
