package org.opsdesk.bench.transitions;

import static org.opsdesk.bench.Bench.ROOT;
import static org.opsdesk.bench.Bench.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opsdesk.bench.Bench;
import org.opsdesk.bench.DocSection;
import org.opsdesk.bench.Machine;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.ServerProbe;
import org.opsdesk.bench.http.ApiRequests;

/**
 * Core-engine benchmark (issues 2 and 15): starts the packaged jar with a fresh embedded PostgreSQL (or an external
 * empty database), seeds N operations with SQL, then measures list queries at that size, transitions through the
 * HTTP API against the same transaction done as raw JDBC, the creation rate, and transitions at fixed rates (open
 * model). Prints a markdown report and writes it to docs/benchmarks.md (or --doc).
 *
 * <p>Run it through bench/run.sh (it builds the jar, the classes and the classpath). Every loop is bounded in time,
 * all traffic goes to 127.0.0.1, and the app (and so its PostgreSQL) is always stopped at the end.
 */
public final class TransitionBench {

    private final BenchConfig cfg;
    private final BenchApp app;
    private final TransitionReport report = new TransitionReport();

    TransitionBench(BenchConfig cfg, BenchApp app) {
        this.cfg = cfg;
        this.app = app;
    }

    public static void main(String[] args) {
        BenchConfig cfg = BenchConfig.parse(args);
        BenchApp app = new BenchApp(cfg.appJavaOpts());
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(TimeUnit.MINUTES.toMillis(cfg.maxMinutes()));
                    } catch (InterruptedException e) {
                        return;
                    }
                    log("WATCHDOG: the benchmark ran longer than " + cfg.maxMinutes() + " minutes; stopping");
                    app.stop();
                    Runtime.getRuntime().halt(3);
                },
                "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Bench.exitAfter(() -> new TransitionBench(cfg, app).run(), app);
    }

    void run() throws Exception {
        report.cfg = cfg;
        report.started = ZonedDateTime.now(ZoneOffset.UTC);
        report.machine = Machine.facts();
        report.loadBefore = Machine.loadAverage();
        report.results = new RunResults();
        app.start();
        try (Connection db = app.connect()) {
            report.postgres = postgresFacts(db);
            report.seed = new Seeder(cfg).seed(db);
        }
        if (cfg.phases().contains("list")) {
            report.lists = new ListQueries(app, new ApiRequests(app), cfg.listRequests(), cfg.listWarmup());
            report.lists.run();
        }
        try (var probe = new ServerProbe(app)) {
            var phases = new TransitionPhases(cfg, app, report.seed, probe, report.results);
            if (cfg.phases().stream().anyMatch(List.of("transitions", "create", "open")::contains)) {
                phases.prepare();
            }
            if (cfg.phases().contains("transitions")) {
                phases.transitions();
            }
            if (cfg.phases().contains("create")) {
                phases.creation();
            }
            if (cfg.phases().contains("open")) {
                phases.open();
            }
        }
        try (Connection db = app.connect()) {
            report.after = afterFacts(db);
        }
        report.finished = ZonedDateTime.now(ZoneOffset.UTC);
        report.loadAfter = Machine.loadAverage();
        String md = report.markdown();
        System.out.println(md);
        if (cfg.writeDoc()) {
            DocSection.write(cfg.doc(), TransitionReport.HEADING, md);
            log("report written to " + ROOT.relativize(cfg.doc()));
        }
    }

    static Map<String, String> postgresFacts(Connection db) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (var st = db.createStatement()) {
            for (String q : List.of(
                    "select version()",
                    "show shared_buffers",
                    "show fsync",
                    "show synchronous_commit",
                    "show full_page_writes",
                    "show max_connections",
                    "show max_wal_size",
                    "show work_mem")) {
                try (var rs = st.executeQuery(q)) {
                    rs.next();
                    m.put(q.replace("select ", "").replace("show ", ""), rs.getString(1));
                }
            }
        }
        return m;
    }

    static Map<String, String> afterFacts(Connection db) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        """
                        select (select count(*) from operations.operation),
                               (select count(*) from operations.history_entry),
                               (select count(*) from operations.outbox),
                               (select count(*) from operations.outbox where published_at is null),
                               (select n_tup_upd from pg_stat_user_tables where relid = 'operations.operation'::regclass),
                               (select n_tup_hot_upd from pg_stat_user_tables where relid = 'operations.operation'::regclass),
                               pg_database_size(current_database())""")) {
            rs.next();
            m.put("operations", String.format(Locale.ROOT, "%,d", rs.getLong(1)));
            m.put("history entries", String.format(Locale.ROOT, "%,d", rs.getLong(2)));
            m.put("outbox rows", String.format(Locale.ROOT, "%,d", rs.getLong(3)));
            m.put(
                    "outbox rows unpublished at the end (right after the last load run)",
                    String.format(Locale.ROOT, "%,d", rs.getLong(4)));
            m.put("operation row updates (HOT)", String.format(Locale.ROOT, "%,d (%,d)", rs.getLong(5), rs.getLong(6)));
            m.put("database size", TransitionReport.mb(rs.getLong(7)));
        }
        return m;
    }
}
