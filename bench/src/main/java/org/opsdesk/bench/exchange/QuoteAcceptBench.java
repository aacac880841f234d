package org.opsdesk.bench.exchange;

import static org.opsdesk.bench.Bench.log;

import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.ServerProbe;
import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.bench.load.ClosedLoop;
import org.opsdesk.bench.load.Errors;
import org.opsdesk.bench.load.Run;

/**
 * Quote + accept benchmark (issue 12): orders placed through the portal by signed-in, verified clients in a closed
 * loop (the quote, then Accept, which creates the {@code exchange_order} operation with its history and outbox
 * event), against the core API's operation-creation rate measured in the same run at the same number of clients.
 * Target: orders/s ≥ 50% of creations/s. The app starts on a fresh embedded PostgreSQL, with its email going to a
 * GreenMail server and its SMS to a local gateway that this benchmark starts; it is always stopped at the end. Run
 * through bench/exchange-orders.sh, which builds the jar.
 */
public final class QuoteAcceptBench {

    private final QuoteAcceptConfig cfg;
    private final BenchApp app;
    private final QuoteAcceptReport report;

    QuoteAcceptBench(QuoteAcceptConfig cfg, BenchApp app) {
        this.cfg = cfg;
        this.app = app;
        this.report = new QuoteAcceptReport(cfg);
    }

    public static void main(String[] args) {
        var cfg = QuoteAcceptConfig.fromEnvironment(System.getenv());
        var app = BenchApp.fromEnvironment("-Xmx1g");
        Bench.exitAfter(() -> new QuoteAcceptBench(cfg, app).run(), app);
    }

    void run() throws Exception {
        report.started = ZonedDateTime.now(ZoneOffset.UTC);
        report.machine = Machine.facts();
        report.loadBefore = Machine.loadAverage();
        try (var inboxes = new Inboxes()) {
            app.extraEnv().putAll(inboxes.appEnvironment());
            app.start();
            var api = new ApiRequests(app);
            DeskSetup.configure(api);
            long t0 = System.nanoTime();
            List<PortalSession> sessions = new PortalClientSeeder(app, api, inboxes).seed(cfg.portalClients());
            report.seedSeconds = Bench.secondsSince(t0);
            try (var probe = new ServerProbe(app)) {
                measure(sessions, probe, inboxes);
            }
            try (Connection db = app.connect()) {
                report.after = afterFacts(db);
            }
            report.messages = inboxes.counts();
        }
        report.loadAfter = Machine.loadAverage();
        String md = report.markdown();
        System.out.println(md);
        if (cfg.writeDoc()) {
            DocSection.write(DocSection.benchmarks(), QuoteAcceptReport.HEADING, md);
            log("report written to docs/benchmarks.md");
        }
    }

    private void measure(List<PortalSession> sessions, ServerProbe probe, Inboxes inboxes) throws Exception {
        var creations = new CoreCreations(app, probe, cfg.wrk(), cfg.warmup(), cfg.seconds());
        var loop = new ClosedLoop(probe, cfg.warmup(), cfg.seconds());
        if (cfg.jitWarmup() > 0) {
            log("JIT warm-up: " + cfg.jitWarmup() + " s of orders, then of creations (" + creations.generator()
                    + "), at " + cfg.clients() + " clients (not measured)");
            warmupErrors(
                    "orders",
                    ClosedLoop.warm(cfg.clients(), cfg.jitWarmup(), c -> QuoteAccept.worker(sessions.get(c))));
            warmupErrors("creations", creations.warm(cfg.clients(), cfg.jitWarmup()));
        }
        for (int round = 1; round <= cfg.rounds(); round++) {
            inboxes.clear();
            log("round " + round + " of " + cfg.rounds());
            Backlog.drain(app);
            Run created = creations.run(cfg.clients());
            Backlog.drain(app);
            Run ordered = loop.run(
                    "quote+accept",
                    cfg.clients(),
                    c -> QuoteAccept.worker(sessions.get(c)),
                    QuoteAccept.ACCEPT,
                    "POST");
            report.rounds.add(new Run[] {created, ordered});
            log(String.format(
                    Locale.ROOT,
                    "round %d: %.0f orders/s ÷ %.0f creations/s = %.0f%%",
                    round,
                    ordered.throughput(),
                    created.throughput(),
                    100 * ordered.throughput() / created.throughput()));
        }
    }

    private void warmupErrors(String what, Errors errors) {
        if (errors.total() > 0) {
            log("errors during the " + what + " JIT warm-up: " + errors.summary() + " " + errors.samples());
            report.warmupErrors.put(what, errors.summary() + " " + errors.samplesMarkdown());
        }
    }

    static Map<String, String> afterFacts(Connection db) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        """
                        select (select count(*) from operations.operation where type = 'exchange_order'),
                               (select count(*) from operations.operation where type = 'withdrawal'),
                               (select count(*) from operations.history_entry),
                               (select count(*) from operations.outbox),
                               (select count(*) from operations.outbox where published_at is null),
                               (select count(*) filter (where state = 'sent') || ' sent, '
                                       || count(*) filter (where state = 'skipped') || ' skipped, '
                                       || count(*) filter (where state not in ('sent', 'skipped')) || ' other'
                                  from notifications.delivery),
                               (select version())""")) {
            rs.next();
            m.put("exchange orders placed (warm-ups included)", String.format(Locale.ROOT, "%,d", rs.getLong(1)));
            m.put("withdrawals created through the API", String.format(Locale.ROOT, "%,d", rs.getLong(2)));
            m.put("history entries", String.format(Locale.ROOT, "%,d", rs.getLong(3)));
            m.put("outbox rows", String.format(Locale.ROOT, "%,d", rs.getLong(4)));
            m.put("outbox rows unpublished at the end", String.format(Locale.ROOT, "%,d", rs.getLong(5)));
            m.put("notification deliveries", rs.getString(6));
            m.put("PostgreSQL", rs.getString(7));
        }
        return m;
    }
}
