package org.opsdesk.bench.actions;

import static org.opsdesk.bench.Bench.DATA;
import static org.opsdesk.bench.Bench.ROOT;
import static org.opsdesk.bench.Bench.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.ServerProbe;
import org.opsdesk.bench.load.Run;
import org.opsdesk.bench.load.Wrk;
import org.opsdesk.bench.transitions.Seeder;

/**
 * Local action benchmark (issue 14): {@code POST /api/v1/accounts/{id}/actions/account.suspend} on distinct active
 * accounts against plain operation transitions ({@code bench_ping} ping↔pong through the core API, as bench/run.sh's
 * transitions phase) in the same run, at the same number of clients, both sent by wrk; then the record read {@code
 * GET /api/v1/accounts/{id}} over the bulk-loaded accounts, and the console's account record page with its two
 * panels ({@link RecordPageRuns}). Targets: suspensions/s ≥ 70% of transitions/s; record read and record page p95 <
 * 100 ms at a million accounts. Run through bench/actions.sh.
 */
public final class ActionBench {

    static final String HEADING = "## Local actions and the account record (issue 14)";
    private static final Path TRANSITIONS_LUA = ROOT.resolve("bench/wrk/transitions.lua");
    private static final Path SUSPEND_LUA = ROOT.resolve("bench/wrk/suspend.lua");
    private static final Path READ_LUA = ROOT.resolve("bench/wrk/read.lua");
    private static final String SUSPEND_URI = "/api/v1/{collection}/{id}/actions/{actionId}";
    private static final String TRANSITION_URI = "/api/v1/operations/{id}/transitions";
    private static final String READ_URI = "/api/v1/accounts/{id}";

    private final Map<String, String> env;
    private final BenchApp app;
    private final int clients;
    private final int seconds;
    private final int warmup;
    private final int jitWarmup;
    private final int rounds;
    private final long accounts;
    private final List<String> rows = new ArrayList<>();
    private List<RecordPageRuns.Measured> pages = List.of();
    private Wrk wrk;
    private List<String> activeAccounts;
    private int nextAccount;

    ActionBench(Map<String, String> env, BenchApp app) {
        this.env = env;
        this.app = app;
        this.clients = number("BENCH_CLIENTS", 16);
        this.seconds = number("BENCH_SECONDS", 15);
        this.warmup = number("BENCH_WARMUP", 3);
        this.jitWarmup = number("BENCH_JIT_WARMUP", 30);
        this.rounds = number("BENCH_ROUNDS", 2);
        this.accounts = Long.parseLong(env.getOrDefault("BENCH_ACCOUNTS", "1000000"));
    }

    public static void main(String[] args) {
        var app = BenchApp.fromEnvironment("-Xmx1g");
        Bench.exitAfter(() -> new ActionBench(System.getenv(), app).run(), app);
    }

    void run() throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        var machine = Machine.facts();
        String loadBefore = Machine.loadAverage();
        app.start();
        double seedSeconds;
        try (Connection db = app.connect()) {
            long t0 = System.nanoTime();
            new Seeder(0, 20_000).seed(db);
            AccountSeeder.seed(db, accounts);
            seedSeconds = Bench.secondsSince(t0);
            activeAccounts = ids(db, "select id from registry.account where status = 'active' order by random()");
        }
        var ratios = new ArrayList<Double>();
        try (var probe = new ServerProbe(app)) {
            wrk = new Wrk(
                    Wrk.find().orElseThrow(() -> new IllegalStateException("wrk is not installed")),
                    probe,
                    DATA.resolve("wrk"));
            if (jitWarmup > 0) {
                log("JIT warm-up: " + jitWarmup + " s of transitions, suspensions and reads (not measured)");
                wrk.warm("jit-transitions", clients, jitWarmup, TRANSITIONS_LUA, app.baseUrl(), transitionArgs());
                wrk.warm("jit-suspend", clients, jitWarmup, SUSPEND_LUA, app.baseUrl(), suspendArgs());
                wrk.warm("jit-read", clients, Math.min(jitWarmup, 10), READ_LUA, app.baseUrl(), readArgs());
            }
            for (int round = 1; round <= rounds; round++) {
                Run transitions = measured("transitions", TRANSITIONS_LUA, TRANSITION_URI, "POST", true);
                Run suspensions = measured("account.suspend", SUSPEND_LUA, SUSPEND_URI, "POST", false);
                double ratio = suspensions.throughput() / transitions.throughput();
                ratios.add(ratio);
                rows.add(row("round " + round + ": transitions", transitions));
                rows.add(row("round " + round + ": account.suspend", suspensions));
                log(String.format(Locale.ROOT, "round %d: suspensions ÷ transitions = %.0f%%", round, 100 * ratio));
            }
            rows.add(row("GET /api/v1/accounts/{id}", measured("read", READ_LUA, READ_URI, "GET", false)));
            pages = new RecordPageRuns(app, wrk, pageClients(), seconds, warmup, jitWarmup).run(readSample());
            pages.forEach(page -> rows.add(row(page.part().row() + ", " + page.clients() + " clients", page.run())));
        }
        String after;
        try (Connection db = app.connect()) {
            after = facts(db);
        }
        String md = markdown(started, machine, loadBefore, Machine.loadAverage(), seedSeconds, ratios, after);
        System.out.println(md);
        if (!"1".equals(env.get("BENCH_NO_DOC"))) {
            DocSection.write(DocSection.benchmarks(), HEADING, md);
            log("report written to docs/benchmarks.md");
        }
    }

    private Run measured(String label, Path script, String uri, String method, boolean transitions) throws Exception {
        if (warmup > 0) {
            wrk.warm(label, clients, warmup, script, app.baseUrl(), args(script, transitions));
        }
        return wrk.run(label, clients, seconds, script, app.baseUrl(), args(script, transitions), uri, method);
    }

    private List<String> args(Path script, boolean transitions) throws Exception {
        if (transitions) {
            return transitionArgs();
        }
        return script.equals(SUSPEND_LUA) ? suspendArgs() : readArgs();
    }

    /** The bench_ping ids with their stages as the database has them now (wrk tracks its own copy). */
    private List<String> transitionArgs() throws Exception {
        Thread.sleep(1000); // the requests wrk dropped at its end still complete in the app
        List<String> lines;
        try (Connection db = app.connect()) {
            lines = ids(
                    db, "select id || ' ' || stage from operations.operation where type = 'bench_ping' order by id");
        }
        return List.of(write("ping-ids.txt", lines), Integer.toString(Wrk.threads(clients)), app.apiKey());
    }

    /** A fresh slice of active accounts, never suspended before: up to 60,000, more than a run can suspend. */
    private List<String> suspendArgs() throws Exception {
        // the JIT warm-up, then a warm-up and a measured run per round, each on its own slice
        int size = Math.min(60_000, activeAccounts.size() / (1 + 2 * rounds));
        if (nextAccount + size > activeAccounts.size()) {
            throw new IllegalStateException("not enough active accounts for another run: raise BENCH_ACCOUNTS");
        }
        var slice = activeAccounts.subList(nextAccount, nextAccount + size);
        nextAccount += size;
        return List.of(write("suspend-ids.txt", slice), Integer.toString(Wrk.threads(clients)), app.apiKey());
    }

    /** Random accounts over the whole table (the slices suspended before included: a record reads alike). */
    private List<String> readArgs() throws Exception {
        return List.of(
                write("read-ids.txt", readSample()),
                Integer.toString(Wrk.threads(clients)),
                app.apiKey(),
                "/api/v1/accounts/");
    }

    /** The last 100,000 of the active accounts in random order: at a million, accounts no run suspended. */
    private List<String> readSample() {
        return activeAccounts.subList(
                activeAccounts.size() - Math.min(100_000, activeAccounts.size()), activeAccounts.size());
    }

    static String write(String name, List<String> lines) throws Exception {
        Path file = DATA.resolve("wrk").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file.toString();
    }

    static List<String> ids(Connection db, String sql) throws Exception {
        var ids = new ArrayList<String>();
        try (var st = db.createStatement();
                var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static String row(String what, Run run) {
        var w = run.window();
        double ok = Math.max(1, run.ok());
        String commits = w.db() == null ? "–" : String.format(Locale.ROOT, "%.2f", w.db()[0] / ok);
        return String.format(
                Locale.ROOT,
                "| %s | %.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %s | %d |",
                what,
                run.throughput(),
                run.latency().p50(),
                run.latency().p95(),
                run.latency().p99(),
                1000 * w.cpu().app() / ok,
                1000 * w.cpu().postgres() / ok,
                commits,
                run.measuredErrors());
    }

    private static String facts(Connection db) throws Exception {
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        """
                        select (select count(*) from registry.account),
                               (select count(*) from registry.account where status = 'suspended'),
                               (select count(*) from operations.operation where type = 'account_action'),
                               (select count(*) from operations.history_entry),
                               (select version())""")) {
            rs.next();
            return String.format(
                    Locale.ROOT,
                    "%,d accounts (%,d suspended by the runs), %,d account_action operations, %,d history entries; %s",
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getString(5));
        }
    }

    private String markdown(
            ZonedDateTime started,
            Map<String, String> machine,
            String loadBefore,
            String loadAfter,
            double seedSeconds,
            List<Double> ratios,
            String after) {
        var b = new StringBuilder(HEADING).append("\n\n");
        b.append(String.format(
                Locale.ROOT,
                "Command: `%s`, started %s. Machine: %s cores (%s), %s; %s; code %s. Load average before %s, after"
                        + " %s: the machine is shared with other sessions, so compare the ratios within this run, not"
                        + " the absolute rates across runs.\n\n",
                env.getOrDefault("BENCH_COMMAND", "bench/actions.sh"),
                started.withNano(0),
                machine.get("nproc"),
                machine.get("cpu"),
                machine.get("kernel"),
                machine.getOrDefault("java -version", "").lines().findFirst().orElse(""),
                machine.get("git"),
                loadBefore,
                loadAfter));
        b.append(String.format(
                Locale.ROOT,
                "%d clients, closed loop, wrk; %d s per measured run after %d s of the same load, %d s of JIT"
                        + " warm-up; %,d persons and accounts (+ a user and a provider balance on every 10th, a Pix"
                        + " key on every 20th, an escrow sub-account on every 25th, own Pix limits on every 50th of 3 limit types)"
                        + " bulk-loaded by SQL and 20,000 bench_ping operations, %.0f s. Each suspension acts on an"
                        + " active account never suspended before.\n\n",
                clients,
                seconds,
                warmup,
                jitWarmup,
                accounts,
                seedSeconds));
        b.append(
                "| run | ops/s | p50 ms | p95 ms | p99 ms | app CPU ms/op | PG CPU ms/op | PG commits/op | errors |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(r -> b.append(r).append('\n'));
        b.append("\nSuspensions ÷ transitions per round: ");
        b.append(String.join(
                ", ",
                ratios.stream()
                        .map(r -> String.format(Locale.ROOT, "%.0f%%", 100 * r))
                        .toList()));
        b.append(" (target ≥ 70%).\n");
        pageLines(b);
        b.append("\nAfter the runs: ").append(after).append(".\n");
        return b.toString();
    }

    /**
     * What the record page rows are, the scans each request caused, and the page's p95 as the operator waits for
     * it: the page, then the slower of its two panels (htmx asks for both at once when the page has arrived).
     */
    private void pageLines(StringBuilder b) {
        if (pages.isEmpty()) {
            return;
        }
        b.append(String.format(
                Locale.ROOT,
                "\nThe console rows: an operator holding the built-in `%s` role's permissions (without its second"
                        + " factor; role `bench_%s`) signed in through the login form, wrk sending its session"
                        + " cookie; each part of the account record page measured on its own over %,d ids: a"
                        + " quarter of %,d suspended accounts given two more invocations through the API (night-time"
                        + " limit start, applied; lift suspension, waiting for a second person: three timeline"
                        + " entries), a quarter suspended by the runs (one entry), half others. Most console reads"
                        + " run in autocommit (one commit each; a read-only transaction, e.g. an operation's, counts"
                        + " once), so their PG commits/op are about the statements per request, the session's and"
                        + " the signed-in operator's included. Per request, PostgreSQL's"
                        + " scans (pg_stat_user_tables; sequential scans under %.2f per request are the app's"
                        + " background work):\n\n",
                RecordPageRuns.ROLE,
                RecordPageRuns.ROLE,
                RecordPageRuns.SAMPLE,
                RecordPageRuns.WORKED,
                TableScans.REPORTED));
        pages.stream().filter(page -> page.clients() == pages.get(0).clients()).forEach(page -> b.append("- ")
                .append(page.part().row())
                .append(": ")
                .append(page.scans())
                .append(".\n"));
        b.append('\n');
        for (int counted :
                pages.stream().map(RecordPageRuns.Measured::clients).distinct().toList()) {
            var at = pages.stream().filter(page -> page.clients() == counted).toList();
            double pageP95 = at.get(0).run().latency().p95();
            double panelP95 = at.subList(1, at.size()).stream()
                    .mapToDouble(page -> page.run().latency().p95())
                    .max()
                    .orElse(0);
            b.append(String.format(
                    Locale.ROOT,
                    "Record page p95 at %d clients: %.1f ms (the page %.1f ms, then its slower panel %.1f ms) at %,d"
                            + " accounts (target < 100 ms: %s).\n",
                    counted,
                    pageP95 + panelP95,
                    pageP95,
                    panelP95,
                    accounts,
                    pageP95 + panelP95 < 100 ? "met" : "**not met**"));
        }
    }

    /** BENCH_PAGE_CLIENTS: the client counts the record page is measured at (default: the benchmark's, then 4). */
    private List<Integer> pageClients() {
        String listed = env.getOrDefault("BENCH_PAGE_CLIENTS", clients + ",4");
        return java.util.Arrays.stream(listed.split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .distinct()
                .toList();
    }

    private int number(String name, int dflt) {
        return Integer.parseInt(env.getOrDefault(name, Integer.toString(dflt)));
    }
}
