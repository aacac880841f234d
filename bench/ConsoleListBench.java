import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console list benchmark (issue 5): the server-side render of {@code /operations} for a signed-in operator at 1M
 * seeded operations — unfiltered first page, type+status, 20 pages deep by cursor, free text (reference prefix,
 * narrow and wide, and an exact subject) — p50/p95 over sequential requests from one client on 127.0.0.1, plus
 * the plan of the free-text query. Run through bench/console-list.sh, which compiles this with TransitionBench
 * (whose {@code App} starts the jar on a fresh embedded PostgreSQL and whose {@code seed} fills it).
 */
public class ConsoleListBench {

    static final String HEADING = "## Console list (issue 5)";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern NEXT = Pattern.compile("href=\"([^\"]*cursor=[^\"]+)\"\\s+id=\"next-page\"|id=\"next-page\"[^>]*href=\"([^\"]+)\"");
    static final Pattern ROWS = Pattern.compile("<tr data-row");

    public static void main(String[] args) throws Exception {
        long operations = 1_000_000;
        int samples = 200;
        boolean writeDoc = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--operations" -> operations = Long.parseLong(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--no-doc" -> writeDoc = false;
                default -> throw new IllegalArgumentException(
                        "usage: [--operations N] [--samples N] [--no-doc]");
            }
        }
        var cfg = TransitionBench.Config.parse(new String[] {"--operations", Long.toString(operations), "--phases", "list"});
        var app = new TransitionBench.App(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bench-cleanup"));
        int exit = 0;
        try {
            new ConsoleListBench(app, samples, operations).run(cfg, writeDoc);
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

    final TransitionBench.App app;
    final int samples;
    final long operations;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ConsoleListBench(TransitionBench.App app, int samples, long operations) {
        this.app = app;
        this.samples = samples;
        this.operations = operations;
    }

    void run(TransitionBench.Config cfg, boolean writeDoc) throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        app.start();
        signIn(); // first: a sign-in problem shows before minutes of seeding, not after
        try (Connection db = app.connect()) {
            new TransitionBench(cfg, app).seed(db);
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

        var table = new StringBuilder("| page | rows | p50 | p95 | max | < 100 ms p95 |\n|---|---:|---:|---:|---:|---|\n");
        for (var entry : cases.entrySet()) {
            String path = entry.getValue();
            int rows = ROWS.matcher(get(path)).results().mapToInt(m -> 1).sum();
            for (int i = 0; i < 30; i++) {
                get(path); // warm-up: JIT, plans, buffers
            }
            long[] times = new long[samples];
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                get(path);
                times[i] = System.nanoTime() - t0;
            }
            Arrays.sort(times);
            double p95 = TransitionBench.percentileMs(times, 0.95);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | %s |%n", entry.getKey(),
                    rows, TransitionBench.percentileMs(times, 0.50), p95, times[times.length - 1] / 1e6,
                    p95 < 100 ? "yes" : "**no**"));
            TransitionBench.log(entry.getKey() + ": p95 " + p95 + " ms");
        }
        String plan;
        try (Connection db = app.connect(); var st = db.createStatement()) {
            plan = explain(st.executeQuery("explain (analyze, buffers, costs off) select id from operations.operation"
                    + " where (reference like 'SEED-12345%' or subject = 'SEED-12345')"
                    + " order by created_at desc, id desc limit 51"));
        }
        String md = HEADING + "\n\n"
                + "Command: `bench/console-list.sh" + (operations == 1_000_000 ? "" : " --operations " + operations)
                + "` — " + started.withNano(0) + " to " + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + ", "
                + TransitionBench.machineFacts().get("nproc") + " cores, load average before "
                + TransitionBench.loadAverage() + ".\n"
                + String.format(Locale.ROOT, "%,d seeded operations (TransitionBench's mix);", operations)
                + " an operator (role `operator`, all types visible) signed in through the login form, one client"
                + " sending requests one after another over keep-alive on 127.0.0.1; times are from request to the"
                + " last byte of the whole rendered page (layout, status tabs from the counters, 50 rows, saved-views"
                + " menu), " + samples + " samples after 30 warm-up requests per page.\n\n"
                + table
                + "\nPlan of the free-text query (reference prefix or exact subject) at this size:\n\n```\n" + plan
                + "```\n";
        System.out.println(md);
        if (writeDoc) {
            TransitionBench.writeDoc(TransitionBench.ROOT.resolve("docs/benchmarks.md"), HEADING, md);
        }
    }

    /** An operator with the built-in role "operator" (no second factor required), signed in through the form. */
    void signIn() throws Exception {
        String username = "bench-list";
        String password = "quiet-lantern-" + Long.toHexString(System.nanoTime());
        var created = http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/operators"))
                        .header("Authorization", "Bearer " + app.apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                                + "\",\"displayName\":\"Bench\",\"password\":\"" + password
                                + "\",\"roles\":[\"operator\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("operator: " + created.statusCode() + " " + created.body());
        }
        Matcher csrf = CSRF.matcher(get("/login"));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("login")) {
            throw new IllegalStateException("sign-in: " + response.statusCode() + " -> " + location);
        }
        if (!get("/operations").contains("data-keyboard-list")) {
            throw new IllegalStateException("/operations did not render the list after signing in");
        }
    }

    /** The URL of the page {@code pages} Next links after {@code first}. */
    String deep(String first, int pages) throws Exception {
        String path = first;
        for (int i = 0; i < pages; i++) {
            Matcher next = NEXT.matcher(get(path));
            if (!next.find()) {
                throw new IllegalStateException("no next page after " + i + " pages of " + first);
            }
            path = (next.group(1) != null ? next.group(1) : next.group(2)).replace("&amp;", "&");
        }
        return path;
    }

    String get(String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    static String explain(ResultSet rs) throws Exception {
        var plan = new StringBuilder();
        while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
