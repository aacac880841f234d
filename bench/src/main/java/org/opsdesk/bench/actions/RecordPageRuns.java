package org.opsdesk.bench.actions;

import static org.opsdesk.bench.Bench.ROOT;
import static org.opsdesk.bench.Bench.log;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.console.ConsoleSession;
import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.bench.load.Run;
import org.opsdesk.bench.load.Wrk;

/**
 * The account record page as a supervisor's browser loads it (issue 14: record page p95 < 100 ms at a million
 * accounts): {@code GET /accounts/{id}} (the data and related records), then the two panels htmx loads into it once
 * it has arrived, side by side — {@code /records/account/{id}/actions} (the buttons this operator may press now)
 * and {@code /records/account/{id}/timeline} (its operations and actions). Each part is a measured wrk run of its
 * own at the benchmark's clients over the same sample of accounts, with the cookie of one session signed in through
 * the login form. The sample mixes accounts the suspension runs acted on ({@value #WORKED} of them given two more
 * invocations through the API first: a night-time limit start, applied, and a lift of the suspension, waiting for
 * a second person) with accounts nobody acted on.
 */
final class RecordPageRuns {

    /** Suspended accounts given two more invocations before the runs. */
    static final int WORKED = 1000;

    /** Ids in the sample file: a quarter worked, a quarter suspended by the runs, half untouched. */
    static final int SAMPLE = 20_000;

    /** The built-in role the operator copies: it sees the account family's operations and holds its actions. */
    static final String ROLE = "supervisor";

    private static final Path PAGE_LUA = ROOT.resolve("bench/wrk/page.lua");

    /** One request of the page's load: how wrk asks for it, and the app's timer it matches. */
    record Part(String label, String row, String prefix, String suffix, String metricsUri) {}

    static final List<Part> PARTS = List.of(
            new Part("page", "GET /accounts/{id} (console page)", "/accounts/", "", "/accounts/{id}"),
            new Part(
                    "actions-panel",
                    "GET /records/account/{id}/actions (its buttons)",
                    "/records/account/",
                    "/actions",
                    "/records/{kind}/{id}/actions"),
            new Part(
                    "timeline-panel",
                    "GET /records/account/{id}/timeline (its timeline)",
                    "/records/account/",
                    "/timeline",
                    "/records/{kind}/{id}/timeline"));

    /** A part's measured run at so many clients and the scans it caused per request. */
    record Measured(Part part, int clients, Run run, String scans) {}

    private final BenchApp app;
    private final Wrk wrk;
    private final List<Integer> clientCounts;
    private final int seconds;
    private final int warmup;
    private final int jitWarmup;

    /**
     * @param clientCounts each part is measured at each of these closed-loop client counts: the benchmark's (the
     *     machine saturated, latency mostly queueing on its two cores) and fewer (a desk of operators)
     */
    RecordPageRuns(BenchApp app, Wrk wrk, List<Integer> clientCounts, int seconds, int warmup, int jitWarmup) {
        this.app = app;
        this.wrk = wrk;
        this.clientCounts = List.copyOf(clientCounts);
        this.seconds = seconds;
        this.warmup = warmup;
        this.jitWarmup = jitWarmup;
    }

    /** Works some accounts, signs the supervisor in, then warms and measures each part. */
    List<Measured> run(List<String> untouched) throws Exception {
        List<String> worked;
        List<String> suspended;
        try (Connection db = app.connect()) {
            worked = ActionBench.ids(
                    db, "select id from registry.account where status = 'suspended' order by random() limit " + WORKED);
        }
        if (worked.isEmpty()) {
            throw new IllegalStateException("the suspension runs suspended no account");
        }
        work(worked);
        try (Connection db = app.connect()) {
            suspended = ActionBench.ids(db, "select id from registry.account where status = 'suspended'");
        }
        String sample = ActionBench.write("page-ids.txt", sample(worked, suspended, untouched));
        var browser = ConsoleSession.signIn(app, "bench-supervisor", ROLE);
        check(browser, worked.get(0));
        String cookie = browser.cookieHeader();
        var measured = new ArrayList<Measured>();
        for (int clients : clientCounts) {
            for (Part part : PARTS) {
                List<String> args =
                        List.of(sample, Integer.toString(Wrk.threads(clients)), cookie, part.prefix(), part.suffix());
                int warm = warmup + (jitWarmup > 0 ? Math.min(jitWarmup, 10) : 0);
                if (warm > 0) {
                    wrk.warm(part.label(), clients, warm, PAGE_LUA, app.baseUrl(), args);
                }
                Thread.sleep(1000); // the statistics of the warm-up's last requests reach pg_stat_* first
                try (Connection db = app.connect()) {
                    var scans = TableScans.start(db);
                    Run run = wrk.run(
                            part.label(), clients, seconds, PAGE_LUA, app.baseUrl(), args, part.metricsUri(), "GET");
                    Thread.sleep(1000);
                    measured.add(new Measured(part, clients, run, scans.per(db, run.ok() + run.measuredErrors())));
                }
            }
        }
        return measured;
    }

    /**
     * Two more invocations on each worked account through the API, eight at a time: the night-time limit's start
     * (applied at once) and a lift of the suspension (four-eyes: it waits for a second person, 202).
     */
    private void work(List<String> accounts) throws Exception {
        long t0 = System.nanoTime();
        var api = new ApiRequests(app);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Future<?>>();
            for (String id : accounts) {
                calls.add(pool.submit(() -> {
                    String base = "/api/v1/accounts/" + id + "/actions/";
                    api.send(
                            "POST",
                            base + "account.set-night-limit-start",
                            "{\"input\":{\"hour\":21},\"reason\":\"bench\"}");
                    api.send("POST", base + "account.lift-suspension", "{\"reason\":\"bench\"}");
                    return null;
                }));
            }
            for (var call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        log(String.format(
                Locale.ROOT,
                "%,d suspended accounts given two more invocations through the API (%.0f s)",
                accounts.size(),
                Bench.secondsSince(t0)));
    }

    /** A quarter worked accounts, a quarter suspended by the runs, half untouched: {@value #SAMPLE} ids, shuffled. */
    private static List<String> sample(List<String> worked, List<String> suspended, List<String> untouched) {
        var ids = new ArrayList<String>(SAMPLE);
        for (int i = 0; i < SAMPLE / 4; i++) {
            ids.add(worked.get(i % worked.size()));
            ids.add(suspended.get(i % suspended.size()));
        }
        for (int i = 0; ids.size() < SAMPLE; i++) {
            ids.add(untouched.get(i % untouched.size()));
        }
        Collections.shuffle(ids, new Random(14));
        return ids;
    }

    /** The operator sees what the runs measure: the page, buttons, and a worked account's three timeline entries. */
    private void check(ConsoleSession browser, String worked) throws Exception {
        String page = browser.get("/accounts/" + worked);
        String actions = browser.get("/records/account/" + worked + "/actions");
        String timeline = browser.get("/records/account/" + worked + "/timeline");
        int entries = timeline.split("class=\"timeline-item\"", -1).length - 1;
        if (!page.contains("id=\"account-data\"") || !actions.contains("class=\"action-form\"") || entries != 3) {
            throw new IllegalStateException("the " + ROLE + " does not see the account page, its buttons or the"
                    + " three entries of a worked account's timeline (" + entries + "): see "
                    + ROOT.relativize(app.logFile()));
        }
    }
}
