import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
 * <p>Run through bench/dashboard.sh, which builds the jar and compiles this file with TransitionBench (whose App
 * starts the jar on a fresh embedded PostgreSQL in BENCH_DATA_DIR and whose seed fills it).
 */
public class DashboardBench {

    static final String HEADING = "## Console dashboard (issue 5)";
    static final String PASSWORD = "dashboard-bench-passphrase";

    public static void main(String[] args) throws Exception {
        long operations = Long.parseLong(
                System.getenv().getOrDefault("BENCH_OPERATIONS", args.length > 0 ? args[0] : "1000000"));
        int requests = Integer.parseInt(System.getenv().getOrDefault("BENCH_REQUESTS", "200"));
        var cfg = TransitionBench.Config.parse(new String[] {"--operations", Long.toString(operations), "--no-doc"});
        var app = new TransitionBench.App(cfg);
        // measure the computation itself, not the one-minute reuse of the figures (ADR 0010), unless told otherwise
        app.extraEnv.put(
                "OPSDESK_REPORTS_FIGURES_MAX_AGE", System.getenv().getOrDefault("BENCH_FIGURES_MAX_AGE", "PT0S"));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bench-cleanup"));
        int exit = 0;
        try {
            new DashboardBench(app, requests).run(cfg);
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

    final TransitionBench.App app;
    final int requests;
    final Map<String, long[]> timings = new LinkedHashMap<>();

    DashboardBench(TransitionBench.App app, int requests) {
        this.app = app;
        this.requests = requests;
    }

    void run(TransitionBench.Config cfg) throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        String load = TransitionBench.loadAverage();
        app.start();
        long rows;
        double seedSeconds;
        try (Connection db = app.connect()) {
            long t0 = System.nanoTime();
            new TransitionBench(cfg, app).seed(db);
            seedHistory(db);
            // The seed back-dates history, which the app never does: a day the rollup schedule stored while the
            // seed ran would lack it. Start the measurement with no stored day, as a fresh installation has.
            try (var st = db.createStatement()) {
                st.execute("truncate operations.stage_time_day, operations.operator_work_day, operations.flow_day,"
                        + " operations.figure_day");
            }
            seedSeconds = TransitionBench.secondsSince(t0);
            rows = single(db, "select count(*) from operations.operation");
        }
        HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpClient console = signedIn();
        int warm = Math.max(10, requests / 10);
        measure("counts API", warm, requests, () -> get(api, "/api/v1/operations/counts", true));
        measure(FIRST_CALL, 0, 1, () -> get(api, "/api/v1/reports/dashboard", true));
        measure("dashboard JSON API", warm, requests, () -> get(api, "/api/v1/reports/dashboard", true));
        measure("dashboard page /", warm, requests, () -> get(console, "/", false));
        try (Connection db = app.connect()) {
            measure("counters over JDBC", warm, requests, () -> query(
                    db, "select type, status, sum(n) from (select type, status, n from operations.status_count"
                            + " union all select type, status, n from operations.status_count_delta) c"
                            + " group by type, status"));
            measure("COUNT(*) GROUP BY over JDBC", 2, 20, () -> query(
                    db, "select type, status, count(*) from operations.operation group by type, status"));
            measure(LIVE_STAGE_TIMES, 1, 5, () -> query(db, LIVE_STAGE_TIMES_SQL));
        }
        String md = markdown(cfg, started, load, rows, seedSeconds);
        System.out.println(md);
        if (!"1".equals(System.getenv("BENCH_NO_DOC"))) {
            TransitionBench.writeDoc(TransitionBench.ROOT.resolve("docs/benchmarks.md"), HEADING, md);
            TransitionBench.log("report written to docs/benchmarks.md");
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
        TransitionBench.log(String.format(
                Locale.ROOT, "dashboard history seeded in %.1f s", TransitionBench.secondsSince(t0)));
    }

    /** A console session of an operator (role "operator": every type, reports:view, no MFA). */
    HttpClient signedIn() throws Exception {
        String username = "bench-dashboard";
        var created = send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/operators"))
                        .header("Authorization", "Bearer " + app.apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                                + "\",\"displayName\":\"Bench\",\"password\":\"" + PASSWORD
                                + "\",\"roles\":[\"operator\"]}"))
                        .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("operator: " + created.statusCode() + " " + created.body());
        }
        var http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .build();
        String form = get(http, "/login", false);
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String body = "username=" + username + "&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var signIn = send(
                http,
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        String landing = signIn.headers().firstValue("location").orElse("-");
        if (signIn.statusCode() != 302 || !"/".equals(URI.create(landing).getPath())) {
            throw new IllegalStateException("sign-in: " + signIn.statusCode() + " " + signIn.headers().map());
        }
        return http;
    }

    String get(HttpClient http, String path, boolean withKey) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(60));
        if (withKey) {
            request.header("Authorization", "Bearer " + app.apiKey);
        }
        var response = send(http, request.GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
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
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        timings.put(label, nanos);
        TransitionBench.log(String.format(
                Locale.ROOT,
                "%s: p50 %.2f ms, p95 %.2f ms (%d calls)",
                label,
                TransitionBench.percentileMs(nanos, 0.5),
                TransitionBench.percentileMs(nanos, 0.95),
                count));
    }

    String markdown(TransitionBench.Config cfg, ZonedDateTime started, String load, long rows, double seedSeconds) {
        var b = new StringBuilder(HEADING).append("\n\n");
        b.append("Command: `")
                .append(System.getenv().getOrDefault("BENCH_COMMAND", "bench/dashboard.sh"))
                .append("` — run ")
                .append(started.toLocalDateTime().withNano(0))
                .append(" UTC on ")
                .append(TransitionBench.machineFacts().get("nproc"))
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
                nanos.length,
                TransitionBench.ms(TransitionBench.percentileMs(nanos, 0.5)),
                TransitionBench.ms(TransitionBench.percentileMs(nanos, 0.95)))));
        long[] counts = timings.get("counts API");
        long[] groupBy = timings.get("COUNT(*) GROUP BY over JDBC");
        if (counts != null && groupBy != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "\nThe counts by status × type (target < 20 ms at any size) answer in %s at the median over"
                            + " HTTP, %.0f× faster than counting the rows (%s).\n",
                    TransitionBench.ms(TransitionBench.percentileMs(counts, 0.5)),
                    TransitionBench.percentileMs(groupBy, 0.5) / TransitionBench.percentileMs(counts, 0.5),
                    TransitionBench.ms(TransitionBench.percentileMs(groupBy, 0.5))));
        }
        long[] first = timings.get(FIRST_CALL);
        long[] json = timings.get("dashboard JSON API");
        long[] live = timings.get(LIVE_STAGE_TIMES);
        if (first != null && json != null && live != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "\nTime in stage and operator work come from daily rollups of closed days plus today read live"
                            + " (docs/adr/0010-dashboard-figures.md). The first call after start, with no day stored,"
                            + " took %s (it rolls up the 29 closed days once; the app's schedule does the same on"
                            + " its own); after that the whole dashboard JSON answers in %s at the median, while the"
                            + " time-in-stage query alone over 30 days of history took %s at the median.\n",
                    TransitionBench.ms(TransitionBench.percentileMs(first, 0.5)),
                    TransitionBench.ms(TransitionBench.percentileMs(json, 0.5)),
                    TransitionBench.ms(TransitionBench.percentileMs(live, 0.5))));
        }
        return b.toString();
    }
}
