import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Core-engine benchmark (issue 2): starts the packaged jar with a fresh embedded PostgreSQL, seeds N operations
 * with SQL, then measures transitions through the HTTP API against the same transaction done as raw JDBC, the
 * creation rate, and list queries at that size. Prints a markdown report and writes it to docs/benchmarks.md.
 *
 * <p>Run it through bench/run.sh (it builds the jar and the classpath). Every loop is bounded in time, all traffic
 * goes to 127.0.0.1, and the app (and so its PostgreSQL) is always stopped at the end.
 */
public class TransitionBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DATA = ROOT.resolve(System.getenv().getOrDefault("BENCH_DATA_DIR", "target/bench-data"));
    static final String COLUMNS =
            "id, type, workflow_version, reference, subject, status, stage, amount, currency, assignee,"
                    + " attributes::text as attributes, version, created_at, updated_at, stage_entered_at, due_at,"
                    + " timer_at, history_head";
    static final String TRANSITIONS_URI = "/api/v1/operations/{id}/transitions";
    static final String SEEDED_SUBJECT = "client-4242";

    // ------------------------------------------------------------------------------------------------ config

    record Config(
            long operations,
            int pingOperations,
            int seconds,
            int warmup,
            int[] clients,
            int[] createClients,
            int listRequests,
            int jitWarmup,
            int listWarmup,
            List<String> phases,
            Path doc,
            boolean writeDoc,
            int maxMinutes,
            String appJavaOpts,
            String command) {

        static Config parse(String[] args) {
            Map<String, String> opts = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + a + "\n" + usage());
                }
                String key = a.substring(2);
                String value;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                } else if (key.equals("no-doc") || key.equals("help")) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for " + a + "\n" + usage());
                }
                opts.put(key, value);
            }
            if (opts.containsKey("help")) {
                System.out.println(usage());
                System.exit(0);
            }
            var known = List.of(
                    "operations", "ping-operations", "seconds", "warmup", "clients", "create-clients",
                    "list-requests", "phases", "doc", "no-doc", "max-minutes", "jit-warmup", "list-warmup");
            for (String k : opts.keySet()) {
                if (!known.contains(k)) {
                    throw new IllegalArgumentException("unknown option --" + k + "\n" + usage());
                }
            }
            int[] clients = Arrays.stream(get(opts, "clients", "BENCH_CLIENTS", "1,4,16").split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt)
                    .toArray();
            List<String> phases = Arrays.stream(get(opts, "phases", "BENCH_PHASES", "list,transitions,create")
                            .split(","))
                    .map(String::trim)
                    .toList();
            for (String p : phases) {
                if (!List.of("list", "transitions", "create").contains(p)) {
                    throw new IllegalArgumentException("unknown phase " + p + " (list, transitions, create)");
                }
            }
            String command = System.getenv().getOrDefault(
                    "BENCH_COMMAND", "java -cp \"$(cat target/bench.classpath)\" bench/TransitionBench.java "
                            + String.join(" ", args));
            return new Config(
                    Long.parseLong(get(opts, "operations", "BENCH_OPERATIONS", "1000000").replace("_", "")),
                    Integer.parseInt(get(opts, "ping-operations", "BENCH_PING_OPERATIONS", "100000")
                            .replace("_", "")),
                    Integer.parseInt(get(opts, "seconds", "BENCH_SECONDS", "15")),
                    Integer.parseInt(get(opts, "warmup", "BENCH_WARMUP", "3")),
                    clients,
                    Arrays.stream(get(opts, "create-clients", "BENCH_CREATE_CLIENTS", "16").split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .mapToInt(Integer::parseInt)
                            .toArray(),
                    Integer.parseInt(get(opts, "list-requests", "BENCH_LIST_REQUESTS", "500")),
                    Integer.parseInt(get(opts, "jit-warmup", "BENCH_JIT_WARMUP", "10")),
                    Integer.parseInt(get(opts, "list-warmup", "BENCH_LIST_WARMUP", "10")),
                    phases,
                    ROOT.resolve(get(opts, "doc", "BENCH_DOC", "docs/benchmarks.md")),
                    !opts.containsKey("no-doc") && !"1".equals(System.getenv("BENCH_NO_DOC")),
                    Integer.parseInt(get(opts, "max-minutes", "BENCH_MAX_MINUTES", "50")),
                    System.getenv().getOrDefault("BENCH_APP_JAVA_OPTS", "-Xmx1g"),
                    command);
        }

        static String get(Map<String, String> opts, String key, String env, String dflt) {
            String v = opts.get(key);
            if (v == null) {
                v = System.getenv(env);
            }
            return v == null || v.isBlank() ? dflt : v.trim();
        }

        static String usage() {
            return """
                    usage: bench/run.sh [options]
                      --operations N       operations of the 12 shipped types to seed (BENCH_OPERATIONS, 1000000)
                      --ping-operations N  bench_ping operations the transition runs move (BENCH_PING_OPERATIONS, 100000)
                      --seconds S          measured seconds per run (BENCH_SECONDS, 15)
                      --warmup S           unmeasured warm-up seconds before each run (BENCH_WARMUP, 3)
                      --clients LIST       concurrent clients of the transition runs (BENCH_CLIENTS, 1,4,16)
                      --create-clients LIST clients of the creation runs, one run each (BENCH_CREATE_CLIENTS, 16)
                      --list-requests N    sequential requests per list query (BENCH_LIST_REQUESTS, 500)
                      --jit-warmup S       unmeasured API + raw transitions at 4 clients before the first run (BENCH_JIT_WARMUP, 10)
                      --list-warmup S      unmeasured list requests before the list measurements (BENCH_LIST_WARMUP, 10)
                      --phases LIST        list,transitions,create (BENCH_PHASES, all)
                      --doc PATH           where to write the report (BENCH_DOC, docs/benchmarks.md)
                      --no-doc             print only (BENCH_NO_DOC=1)
                      --max-minutes M      watchdog: stop everything after M minutes (BENCH_MAX_MINUTES, 50)
                    env: OPSDESK_DB_POOL_SIZE is passed to the app; BENCH_APP_JAVA_OPTS (default -Xmx1g);
                      BENCH_DATABASE_URL (jdbc:postgresql://host:port/db of an EMPTY database): the app and the
                      seeder use that PostgreSQL instead of the app's embedded one; BENCH_DATABASE_USER (postgres);
                      BENCH_POSTMASTER_PID (its postmaster.pid, for the per-run CPU split of PostgreSQL)""";
        }
    }

    // ------------------------------------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        Config cfg = Config.parse(args);
        App app = new App(cfg);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bench-cleanup"));
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
        int exit = 0;
        try {
            new TransitionBench(cfg, app).run();
        } catch (Throwable t) {
            log("FAILED: " + t);
            t.printStackTrace();
            log("app log: " + app.logFile + "\n---- last lines of the app log ----\n" + app.tail(80));
            exit = 1;
        } finally {
            app.stop();
        }
        System.exit(exit);
    }

    final Config cfg;
    final App app;
    final Report report = new Report();

    TransitionBench(Config cfg, App app) {
        this.cfg = cfg;
        this.app = app;
    }

    void run() throws Exception {
        report.started = ZonedDateTime.now(ZoneOffset.UTC);
        report.cfg = cfg;
        report.machine = machineFacts();
        report.loadBefore = loadAverage();
        app.start();
        report.appPort = app.port;
        try (Connection db = app.connect()) {
            report.postgres = facts(db);
            seed(db);
        }
        if (cfg.phases().contains("list")) {
            listQueries();
        }
        if (cfg.phases().contains("transitions")) {
            transitions();
        }
        if (cfg.phases().contains("create")) {
            creation();
        }
        try (Connection db = app.connect()) {
            report.after = afterFacts(db);
        }
        report.finished = ZonedDateTime.now(ZoneOffset.UTC);
        report.loadAfter = loadAverage();
        String md = report.markdown();
        System.out.println(md);
        if (cfg.writeDoc()) {
            writeDoc(cfg.doc(), md);
            log("report written to " + ROOT.relativize(cfg.doc()));
        }
    }

    // ------------------------------------------------------------------------------------------------ seeding

    /** Shipped types and their share of the seeded rows, per 10,000. */
    static final Map<String, Integer> MIX = new LinkedHashMap<>();

    static {
        MIX.put("deposit", 2500);
        MIX.put("withdrawal", 2000);
        MIX.put("p2p_transfer", 1200);
        MIX.put("order", 800);
        MIX.put("exchange_order", 700);
        MIX.put("support_ticket", 700);
        MIX.put("kyc_verification", 600);
        MIX.put("bonus_accrual", 500);
        MIX.put("card_issuance", 300);
        MIX.put("account_block", 300);
        MIX.put("limit_change", 200);
        MIX.put("loan", 200);
    }

    static final Map<String, String> CURRENCY = Map.of(
            "deposit", "EUR", "withdrawal", "EUR", "p2p_transfer", "EUR", "order", "EUR", "exchange_order", "USDT",
            "bonus_accrual", "EUR", "limit_change", "EUR", "loan", "EUR");

    record StageInfo(String code, String status) {}

    record TypeInfo(String type, int version, String initial, List<StageInfo> stages) {}

    void seed(Connection db) throws SQLException {
        Map<String, TypeInfo> types = new LinkedHashMap<>();
        db.setAutoCommit(true);
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        """
                        select d.type, d.version, d.definition->>'initialStage', s->>'code', s->>'status'
                        from workflow.definition_version d
                          cross join lateral jsonb_array_elements(d.definition->'stages') with ordinality as x(s, n)
                        where d.version = (select max(version) from workflow.definition_version v where v.type = d.type)
                        order by d.type, x.n""")) {
            while (rs.next()) {
                String type = rs.getString(1);
                TypeInfo info = types.computeIfAbsent(
                        type, t -> new TypeInfo(t, intOf(rs, 2), strOf(rs, 3), new ArrayList<>()));
                info.stages().add(new StageInfo(rs.getString(4), rs.getString(5)));
            }
        }
        for (String t : MIX.keySet()) {
            if (!types.containsKey(t)) {
                throw new IllegalStateException("shipped type " + t + " has no row in workflow.definition_version");
            }
        }
        if (!types.containsKey("bench_ping")) {
            throw new IllegalStateException("bench_ping is not loaded: is OPSDESK_WORKFLOWS_DIR=bench/workflows?");
        }
        report.workflowVersions = new TreeMap<>();
        types.forEach((t, i) -> report.workflowVersions.put(t, i.version()));

        // One row per slot 0..9999: the type, stage and status a seeded row in that slot gets. Per type: 10% in
        // a PENDING stage (the initial stage most often), 75% SUCCESS, 10% REJECTED, 5% ERROR.
        try (var st = db.createStatement()) {
            st.execute("drop table if exists bench_mix");
            st.execute(
                    "create unlogged table bench_mix (slot int primary key, type text not null, stage text not null,"
                            + " status text not null, wv int not null, currency text)");
        }
        Map<String, Map<String, Integer>> perStage = new TreeMap<>();
        try (var ins = db.prepareStatement("insert into bench_mix values (?, ?, ?, ?, ?, ?)")) {
            int slot = 0;
            for (var e : MIX.entrySet()) {
                TypeInfo info = types.get(e.getKey());
                int w = e.getValue();
                int pending = w * 10 / 100, rejected = w * 10 / 100, error = w * 5 / 100;
                int success = w - pending - rejected - error;
                List<String> slots = new ArrayList<>();
                List<String> pendingStages = stagesOf(info, "PENDING");
                // the initial stage takes half of the pending rows, the other pending stages share the rest
                for (int i = 0; i < pending; i++) {
                    slots.add(i % 2 == 0 || pendingStages.size() == 1
                            ? info.initial()
                            : pendingStages.get(1 + (i / 2) % (pendingStages.size() - 1)));
                }
                addRoundRobin(slots, stagesOf(info, "SUCCESS"), success);
                addRoundRobin(slots, stagesOf(info, "REJECTED"), rejected);
                addRoundRobin(slots, stagesOf(info, "ERROR"), error);
                for (String stage : slots) {
                    String status = info.stages().stream()
                            .filter(s -> s.code().equals(stage))
                            .findFirst()
                            .orElseThrow()
                            .status();
                    ins.setInt(1, slot++);
                    ins.setString(2, info.type());
                    ins.setString(3, stage);
                    ins.setString(4, status);
                    ins.setInt(5, info.version());
                    ins.setString(6, CURRENCY.get(info.type()));
                    ins.addBatch();
                    perStage.computeIfAbsent(info.type(), k -> new TreeMap<>()).merge(stage + " (" + status + ")", 1, Integer::sum);
                }
            }
            if (slot != 10_000) {
                throw new IllegalStateException("the mix covers " + slot + " slots, not 10000");
            }
            ins.executeBatch();
        }
        report.mix = perStage;

        String seedSql =
                """
                with ins as (
                  insert into operations.operation (id, type, workflow_version, reference, subject, status, stage,
                    amount, currency, assignee, attributes, version, created_at, updated_at, stage_entered_at,
                    due_at, timer_at, history_head)
                  select s.id, m.type, m.wv, 'SEED-' || s.g, 'client-' || (s.g % 200000), m.status, m.stage,
                    case when m.currency is not null then round((5 + random() * 4995)::numeric, 2) end, m.currency,
                    case when s.g % 10 = 0 then 'operator-' || (s.g % 37) end,
                    jsonb_build_object('channel', (array['web','ios','android','api'])[1 + (s.g % 4)::int],
                                       'country', (array['DE','FR','GB','ES','NL','PL'])[1 + (s.g % 6)::int],
                                       'riskScore', (s.g % 100)::int),
                    1, s.c, s.c + s.u, s.c + s.u, null, null, sha256(s.id::text::bytea)
                  from (select g, gen_random_uuid() as id,
                               date_trunc('milliseconds', now() - random() * interval '365 days') as c,
                               date_trunc('milliseconds', random() * interval '2 hours') as u,
                               floor(random() * 10000)::int as slot
                        from generate_series(?::bigint, ?::bigint) g) s
                  join bench_mix m on m.slot = s.slot
                  returning id, type, created_at, stage, status, reference, subject, workflow_version
                )
                insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name,
                  from_stage, from_status, to_stage, to_status, reason, comment, override, changes, request_id,
                  previous_hash, hash)
                select id, 1, 'created', created_at, 'system', 'bench-seed', 'bench seed', null, null, stage, status,
                  null, null, false,
                  json_build_object('reference', reference, 'subject', subject, 'workflowVersion', workflow_version)::text,
                  null, null, sha256(id::text::bytea)
                from ins""";
        String pingSql =
                """
                with ins as (
                  insert into operations.operation (id, type, workflow_version, reference, subject, status, stage,
                    amount, currency, assignee, attributes, version, created_at, updated_at, stage_entered_at,
                    due_at, timer_at, history_head)
                  select s.id, 'bench_ping', ?, 'PING-' || s.g, 'bench-' || s.g, 'PENDING', 'ping', null, null, null,
                    jsonb_build_object('channel', 'bench', 'riskScore', (s.g % 100)::int),
                    1, s.c, s.c, s.c, null, null, sha256(s.id::text::bytea)
                  from (select g, gen_random_uuid() as id,
                               date_trunc('milliseconds', now() - interval '400 days' + g * interval '1 second') as c
                        from generate_series(?::bigint, ?::bigint) g) s
                  returning id, created_at, reference, subject, workflow_version
                )
                insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name,
                  from_stage, from_status, to_stage, to_status, reason, comment, override, changes, request_id,
                  previous_hash, hash)
                select id, 1, 'created', created_at, 'system', 'bench-seed', 'bench seed', null, null, 'ping',
                  'PENDING', null, null, false,
                  json_build_object('reference', reference, 'subject', subject, 'workflowVersion', workflow_version)::text,
                  null, null, sha256(id::text::bytea)
                from ins""";

        final long batch = 100_000;
        long t0 = System.nanoTime();
        db.setAutoCommit(false);
        try (var st = db.createStatement()) {
            st.execute("set statement_timeout = '20min'");
            st.execute("select setseed(0.42)");
        }
        db.commit();
        try (var ps = db.prepareStatement(seedSql)) {
            for (long from = 1; from <= cfg.operations(); from += batch) {
                long to = Math.min(cfg.operations(), from + batch - 1);
                ps.setLong(1, from);
                ps.setLong(2, to);
                ps.executeUpdate();
                db.commit();
                log(String.format(Locale.ROOT, "seeded %,d / %,d operations (%.0f s)", to, cfg.operations(),
                        secondsSince(t0)));
            }
        }
        try (var ps = db.prepareStatement(pingSql)) {
            ps.setInt(1, types.get("bench_ping").version());
            ps.setLong(2, 1);
            ps.setLong(3, cfg.pingOperations());
            ps.executeUpdate();
            db.commit();
        }
        report.seedInsertSeconds = secondsSince(t0);
        log(String.format(Locale.ROOT, "seeded %,d bench_ping operations; inserts took %.1f s", cfg.pingOperations(),
                report.seedInsertSeconds));
        db.setAutoCommit(true);
        long t1 = System.nanoTime();
        try (var st = db.createStatement()) {
            st.execute("drop table bench_mix");
            st.execute("vacuum analyze operations.operation");
            st.execute("vacuum analyze operations.history_entry");
            st.execute("vacuum analyze operations.outbox");
        }
        report.vacuumSeconds = secondsSince(t1);
        long t2 = System.nanoTime();
        try (var st = db.createStatement()) {
            st.execute("checkpoint");
        }
        report.checkpointSeconds = secondsSince(t2);
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        """
                        select (select count(*) from operations.operation),
                               (select count(*) from operations.history_entry),
                               pg_total_relation_size('operations.operation'),
                               pg_total_relation_size('operations.history_entry'),
                               pg_database_size(current_database()),
                               (select count(*) from operations.operation where type = 'withdrawal' and status = 'PENDING'),
                               (select count(*) from operations.operation where subject = '"""
                                + SEEDED_SUBJECT + "')")) {
            rs.next();
            report.rowsOperation = rs.getLong(1);
            report.rowsHistory = rs.getLong(2);
            report.sizeOperation = rs.getLong(3);
            report.sizeHistory = rs.getLong(4);
            report.sizeDatabase = rs.getLong(5);
            report.withdrawalPending = rs.getLong(6);
            report.subjectRows = rs.getLong(7);
        }
        log(String.format(Locale.ROOT, "vacuum analyze %.1f s, checkpoint %.1f s; %,d operations, %,d history rows",
                report.vacuumSeconds, report.checkpointSeconds, report.rowsOperation, report.rowsHistory));

        List<UUID> ping = new ArrayList<>();
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        "select id from operations.operation where type = 'bench_ping'"
                                + " order by substr(reference, 6)::bigint")) {
            while (rs.next()) {
                ping.add(rs.getObject(1, UUID.class));
            }
        }
        int half = ping.size() / 2;
        apiIds = ping.subList(0, half).toArray(UUID[]::new);
        rawIds = ping.subList(half, ping.size()).toArray(UUID[]::new);
        apiAtPong = new boolean[apiIds.length];
        try (var st = db.createStatement();
                var rs = st.executeQuery("select id::text, name from access.api_key where name = 'bootstrap'")) {
            if (!rs.next()) {
                throw new IllegalStateException("the bootstrap API key is not in access.api_key");
            }
            rawActorId = rs.getString(1);
            rawActorName = rs.getString(2);
        }
    }

    static List<String> stagesOf(TypeInfo info, String status) {
        var list = info.stages().stream()
                .filter(s -> s.status().equals(status))
                .map(StageInfo::code)
                .collect(Collectors.toCollection(ArrayList::new));
        if (status.equals("PENDING")) {
            list.remove(info.initial());
            list.add(0, info.initial());
        }
        if (list.isEmpty()) {
            throw new IllegalStateException(info.type() + " has no " + status + " stage");
        }
        return list;
    }

    static void addRoundRobin(List<String> slots, List<String> stages, int n) {
        for (int i = 0; i < n; i++) {
            slots.add(stages.get(i % stages.size()));
        }
    }

    UUID[] apiIds;
    UUID[] rawIds;
    boolean[] apiAtPong;
    String rawActorId;
    String rawActorName;

    // ------------------------------------------------------------------------------------------------ timed runs

    /** One client's loop body: one request or transaction; returns 200/201 on success, anything else is an error. */
    interface Step {
        int step() throws Exception;
    }

    interface Worker extends Step, AutoCloseable {
        @Override
        default void close() throws Exception {}
    }

    static final class Samples {
        long[] a = new long[1 << 14];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    static final class Errors {
        final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        final Map<String, String> samples = new ConcurrentHashMap<>();

        void add(String kind, String sample) {
            counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            samples.putIfAbsent(kind, sample.length() > 400 ? sample.substring(0, 400) + "…" : sample);
        }

        long total() {
            return counts.values().stream().mapToLong(AtomicLong::get).sum();
        }

        String summary() {
            if (counts.isEmpty()) {
                return "none";
            }
            return counts.entrySet().stream()
                    .map(e -> e.getKey() + " ×" + e.getValue().get())
                    .collect(Collectors.joining(", "));
        }
    }

    static final class Run {
        String label;
        int clients;
        int seconds;
        long ok;
        long[] latencies; // sorted, nanoseconds, successes in the measured window
        long measuredErrors;
        Errors errors = new Errors(); // all errors, warm-up included
        Map<String, Double> server = new LinkedHashMap<>(); // where-the-time-goes figures
        Cpu cpu;
        long[] db; // pg_stat_database deltas over the window: commits, rollbacks, buffer accesses, rows read
        boolean hung;

        double throughput() {
            return ok / (double) seconds;
        }

        double p(double q) {
            return percentileMs(latencies, q);
        }

        double meanMs() {
            return latencies.length == 0 ? Double.NaN : Arrays.stream(latencies).average().orElse(0) / 1e6;
        }
    }

    /** CPU seconds used in the window by each party; others = every other process on the machine. */
    record Cpu(double app, double postgres, double bench, double others, double iowait, double wall) {}

    /**
     * Runs clients in parallel: warm-up, then the measured window. A request counts if it started and finished in
     * the window. Every loop stops at the end of the window; a request stuck past it is bounded by its timeout.
     */
    Run timed(String label, int clients, IntFunction<Worker> factory, String metricsUri, String metricsMethod)
            throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(factory.apply(c));
        }
        Run run = new Run();
        run.label = label;
        run.clients = clients;
        run.seconds = cfg.seconds();
        Samples[] samples = new Samples[clients];
        long[] oks = new long[clients];
        long[] measuredErrors = new long[clients];
        CountDownLatch go = new CountDownLatch(1);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureStart = start + TimeUnit.SECONDS.toNanos(cfg.warmup());
        long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(cfg.seconds());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            final int me = c;
            samples[c] = new Samples();
            Thread t = new Thread(
                    () -> {
                        Worker w = workers.get(me);
                        try {
                            go.await();
                            while (true) {
                                long s = System.nanoTime();
                                if (s >= measureEnd) {
                                    break;
                                }
                                int status;
                                String detail = "";
                                try {
                                    status = w.step();
                                } catch (HttpError e) {
                                    status = e.status;
                                    detail = e.getMessage();
                                } catch (Exception e) {
                                    status = -1;
                                    detail = e.toString();
                                }
                                long e = System.nanoTime();
                                boolean ok = status == 200 || status == 201;
                                boolean measured = s >= measureStart && e <= measureEnd;
                                if (!ok) {
                                    run.errors.add(status == -1 ? "exception" : "HTTP " + status, detail);
                                }
                                if (measured) {
                                    if (ok) {
                                        oks[me]++;
                                        samples[me].add(e - s);
                                    } else {
                                        measuredErrors[me]++;
                                    }
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    label + "-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        while (System.nanoTime() < start) {
            Thread.onSpinWait();
        }
        go.countDown();
        sleepUntil(measureStart);
        Map<String, Double> before = metricsUri == null ? Map.of() : app.metrics(metricsUri, metricsMethod);
        long[] dbBefore = app.dbStats();
        long[] cpuBefore = app.cpuTicks();
        long wallBefore = System.nanoTime();
        sleepUntil(measureEnd);
        long[] cpuAfter = app.cpuTicks();
        long wallAfter = System.nanoTime();
        long[] dbAfter = app.dbStats();
        Map<String, Double> after = metricsUri == null ? Map.of() : app.metrics(metricsUri, metricsMethod);
        for (Thread t : threads) {
            long left = measureEnd + TimeUnit.SECONDS.toNanos(90) - System.nanoTime();
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (t.isAlive()) {
                run.hung = true;
                t.interrupt();
            }
        }
        for (Worker w : workers) {
            try {
                w.close();
            } catch (Exception e) {
                log("closing a worker: " + e);
            }
        }
        int total = Arrays.stream(samples).mapToInt(s -> s.n).sum();
        long[] all = new long[total];
        int k = 0;
        for (Samples s : samples) {
            System.arraycopy(s.a, 0, all, k, s.n);
            k += s.n;
        }
        Arrays.sort(all);
        run.latencies = all;
        run.ok = Arrays.stream(oks).sum();
        run.measuredErrors = Arrays.stream(measuredErrors).sum();
        double tck = app.clockTicks;
        run.cpu = new Cpu(
                (cpuAfter[0] - cpuBefore[0]) / tck,
                (cpuAfter[1] - cpuBefore[1]) / tck,
                (cpuAfter[2] - cpuBefore[2]) / tck,
                Math.max(0, (cpuAfter[3] - cpuBefore[3]) - (cpuAfter[0] - cpuBefore[0]) - (cpuAfter[1] - cpuBefore[1])
                                - (cpuAfter[2] - cpuBefore[2])) / tck,
                (cpuAfter[4] - cpuBefore[4]) / tck,
                (wallAfter - wallBefore) / 1e9);
        if (dbBefore != null && dbAfter != null) {
            run.db = new long[dbAfter.length];
            for (int i = 0; i < dbAfter.length; i++) {
                run.db[i] = dbAfter[i] - dbBefore[i];
            }
        }
        if (metricsUri != null) {
            for (var e : after.entrySet()) {
                run.server.put(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0));
            }
        }
        log(String.format(Locale.ROOT,
                "%-12s clients=%2d  %8.1f/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  errors %d (%s)%s",
                label, clients, run.throughput(), run.p(0.50), run.p(0.95), run.p(0.99), run.measuredErrors,
                run.errors.summary(), run.hung ? "  HUNG CLIENTS" : ""));
        return run;
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        while (true) {
            long left = nanoTime - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    // ------------------------------------------------------------------------------------------------ transitions

    HttpClient newHttp() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpRequest.Builder api(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + app.apiKey)
                .header("Accept", "application/json");
    }

    Worker apiTransitionWorker(int client, int clients) {
        int from = (int) ((long) apiIds.length * client / clients);
        int to = (int) ((long) apiIds.length * (client + 1) / clients);
        PlainHttp http = new PlainHttp(app.port, app.apiKey);
        return new Worker() {
            int next = from;

            @Override
            public int step() throws Exception {
                int i = next;
                next = next + 1 == to ? from : next + 1;
                boolean atPong = apiAtPong[i];
                String target = atPong ? "ping" : "pong";
                var response = http.exchange(
                        "POST",
                        "/api/v1/operations/" + apiIds[i] + "/transitions",
                        "{\"to\":\"" + target + "\",\"reason\":\"bench\"}");
                if (response.status() == 200) {
                    apiAtPong[i] = !atPong;
                    return 200;
                }
                // resynchronise the client's idea of the stage before reporting the error
                try {
                    var current = http.exchange("GET", "/api/v1/operations/" + apiIds[i], null);
                    if (current.status() == 200) {
                        apiAtPong[i] = "pong".equals(text(JSON.readTree(current.body()).get("stage")));
                    }
                } catch (IOException ignored) {
                    // the error is reported below anyway
                }
                throw new HttpError(response.status(), response.body());
            }
        };
    }

    /**
     * The transitions' load generator: a minimal HTTP/1.1 keep-alive client on one socket (Content-Length or
     * chunked answers). It shares the 2 cores with the app and PostgreSQL, and the JDK HttpClient spent about
     * 0.28 CPU-ms per request there — CPU the app then lacked, while the raw SQL side's JDBC driver costs far less.
     */
    static final class PlainHttp {
        record Response(int status, String body) {}

        private final int port;
        private final String authorization;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        PlainHttp(int port, String apiKey) {
            this.port = port;
            this.authorization = "Bearer " + apiKey;
        }

        Response exchange(String method, String path, String body) throws IOException {
            if (socket == null || socket.isClosed()) {
                socket = new java.net.Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
            }
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder(256)
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Authorization: ").append(authorization).append("\r\n")
                    .append("Accept: application/json\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            try {
                return read();
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        private Response read() throws IOException {
            String status = line();
            if (status == null || status.length() < 12) {
                throw new IOException("no HTTP status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            var bodyBytes = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    bodyBytes.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                bodyBytes.write(in.readNBytes((int) length));
            }
            if (close) {
                socket.close();
            }
            return new Response(code, bodyBytes.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            var text = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int n = text.length();
                    return n > 0 && text.charAt(n - 1) == '\r' ? text.substring(0, n - 1) : text.toString();
                }
                text.append((char) c);
            }
            return text.length() == 0 ? null : text.toString();
        }
    }

    static final class HttpError extends Exception {
        final int status;

        HttpError(int status, String body) {
            super("HTTP " + status + ": " + body);
            this.status = status;
        }
    }

    /** The same transaction as the API's transition, as plain JDBC on one connection per client. */
    Worker rawTransitionWorker(int client, int clients, ObjectNode template) {
        int from = (int) ((long) rawIds.length * client / clients);
        int to = (int) ((long) rawIds.length * (client + 1) / clients);
        try {
            Connection c = app.connect(60);
            c.setAutoCommit(false);
            PreparedStatement lock =
                    c.prepareStatement("select " + COLUMNS + " from operations.operation where id = ? for update");
            PreparedStatement update = c.prepareStatement(
                    "update operations.operation set stage = ?, status = ?, version = version + 1, updated_at = ?,"
                            + " stage_entered_at = ?, history_head = ? where id = ?");
            PreparedStatement history = c.prepareStatement(
                    """
                    insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name,
                      from_stage, from_status, to_stage, to_status, reason, comment, override, changes, request_id,
                      previous_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            PreparedStatement outbox = c.prepareStatement(
                    "insert into operations.outbox (event_id, event_type, operation_id, payload, occurred_at)"
                            + " values (?, ?, ?, ?::jsonb, ?)");
            return new Worker() {
                int next = from;

                @Override
                public int step() throws Exception {
                    int i = next;
                    next = next + 1 == to ? from : next + 1;
                    UUID id = rawIds[i];
                    try {
                        lock.setObject(1, id);
                        String stage, status, type, reference, subject, attributes;
                        long version;
                        int workflowVersion;
                        byte[] head;
                        OffsetDateTime createdAt;
                        try (ResultSet rs = lock.executeQuery()) {
                            if (!rs.next()) {
                                throw new IllegalStateException("operation " + id + " is missing");
                            }
                            stage = rs.getString("stage");
                            status = rs.getString("status");
                            type = rs.getString("type");
                            reference = rs.getString("reference");
                            subject = rs.getString("subject");
                            attributes = rs.getString("attributes");
                            version = rs.getLong("version");
                            workflowVersion = rs.getInt("workflow_version");
                            head = rs.getBytes("history_head");
                            createdAt = rs.getObject("created_at", OffsetDateTime.class);
                            rs.getBigDecimal("amount");
                            rs.getString("currency");
                            rs.getString("assignee");
                            rs.getObject("updated_at", OffsetDateTime.class);
                            rs.getObject("stage_entered_at", OffsetDateTime.class);
                            rs.getObject("due_at", OffsetDateTime.class);
                            rs.getObject("timer_at", OffsetDateTime.class);
                        }
                        String toStage = stage.equals("ping") ? "pong" : "ping";
                        String toStatus = "PENDING";
                        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                        long seq = version + 1;
                        String requestId = UUID.randomUUID().toString();
                        String canonical = JSON.writeValueAsString(Arrays.asList(
                                id.toString(), seq, "transitioned", now.toString(), "api_key", rawActorId,
                                rawActorName, stage, status, toStage, toStatus, "bench", null, false, "{}",
                                requestId));
                        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                        sha256.update(head);
                        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
                        byte[] hash = sha256.digest();

                        update.setString(1, toStage);
                        update.setString(2, toStatus);
                        update.setObject(3, at);
                        update.setObject(4, at);
                        update.setBytes(5, hash);
                        update.setObject(6, id);
                        update.executeUpdate();

                        history.setObject(1, id);
                        history.setLong(2, seq);
                        history.setString(3, "transitioned");
                        history.setObject(4, at);
                        history.setString(5, "api_key");
                        history.setString(6, rawActorId);
                        history.setString(7, rawActorName);
                        history.setString(8, stage);
                        history.setString(9, status);
                        history.setString(10, toStage);
                        history.setString(11, toStatus);
                        history.setString(12, "bench");
                        history.setNull(13, java.sql.Types.VARCHAR);
                        history.setBoolean(14, false);
                        history.setString(15, "{}");
                        history.setString(16, requestId);
                        history.setBytes(17, head);
                        history.setBytes(18, hash);
                        history.executeUpdate();

                        UUID eventId = UUID.randomUUID();
                        ObjectNode event = template.deepCopy();
                        event.put("eventId", eventId.toString());
                        event.put("occurredAt", now.toString());
                        event.put("fromStage", stage);
                        event.put("fromStatus", status);
                        event.put("toStage", toStage);
                        event.put("toStatus", toStatus);
                        event.put("actorKind", "api_key");
                        event.put("actorId", rawActorId);
                        event.put("actorName", rawActorName);
                        event.put("reason", "bench");
                        event.put("override", false);
                        ObjectNode op = (ObjectNode) event.get("operation");
                        op.put("id", id.toString());
                        op.put("type", type);
                        op.put("workflowVersion", workflowVersion);
                        op.put("reference", reference);
                        op.put("subject", subject);
                        op.put("status", toStatus);
                        op.put("stage", toStage);
                        op.put("attributesJson", attributes);
                        op.put("version", seq);
                        op.put("createdAt", createdAt.toInstant().toString());
                        op.put("updatedAt", now.toString());
                        op.put("stageEnteredAt", now.toString());
                        outbox.setObject(1, eventId);
                        outbox.setString(2, "operation.status_changed");
                        outbox.setObject(3, id);
                        outbox.setString(4, JSON.writeValueAsString(event));
                        outbox.setObject(5, at);
                        outbox.executeUpdate();
                        c.commit();
                        return 200;
                    } catch (SQLException | RuntimeException e) {
                        try {
                            c.rollback();
                        } catch (SQLException ignored) {
                            // reported below
                        }
                        throw e;
                    }
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a raw JDBC client connection", e);
        }
    }

    void transitions() throws Exception {
        // Move one operation through the API and take its event as the template of the raw path's outbox payload
        // (the worker keeps track of that operation's stage).
        ObjectNode template;
        try (Worker first = apiTransitionWorker(0, 1)) {
            first.step();
        }
        try (Connection db = app.connect();
                var ps = db.prepareStatement(
                        "select payload::text, octet_length(payload::text) from operations.outbox"
                                + " where operation_id = ? order by id desc limit 1")) {
            ps.setObject(1, apiIds[0]);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no outbox event after an API transition");
                }
                template = (ObjectNode) JSON.readTree(rs.getString(1));
                report.apiEventBytes = rs.getInt(2);
            }
        }
        if (cfg.jitWarmup() > 0) {
            // One-time warm-up of both JVMs' JIT on both paths, so the first (1-client) run is not the coldest.
            log("JIT warm-up: " + cfg.jitWarmup() + " s of API and of raw transitions at 4 clients (not measured)");
            for (int round = 0; round < 2; round++) {
                boolean api = round == 0;
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(cfg.jitWarmup());
                List<Thread> threads = new ArrayList<>();
                Errors errors = new Errors();
                for (int c = 0; c < 4; c++) {
                    Worker w = api ? apiTransitionWorker(c, 4) : rawTransitionWorker(c, 4, template);
                    Thread t = new Thread(() -> {
                        try (w) {
                            while (System.nanoTime() < end) {
                                try {
                                    w.step();
                                } catch (Exception e) {
                                    errors.add(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                                }
                            }
                        } catch (Exception e) {
                            errors.add("close", e.toString());
                        }
                    });
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                }
                for (Thread t : threads) {
                    t.join(TimeUnit.SECONDS.toMillis(cfg.jitWarmup() + 90));
                }
                if (errors.total() > 0) {
                    log("errors during the " + (api ? "API" : "raw") + " JIT warm-up: " + errors.summary() + " "
                            + errors.samples);
                    report.warmupErrors.put(api ? "API" : "raw SQL", errors.summary() + " " + errors.samples);
                }
            }
        }
        for (int clients : cfg.clients()) {
            Run api = timed("api", clients, c -> apiTransitionWorker(c, clients), TRANSITIONS_URI, "POST");
            Run raw = timed("raw-sql", clients, c -> rawTransitionWorker(c, clients, template), TRANSITIONS_URI, "POST");
            report.transitions.add(new Run[] {api, raw});
        }
        // The raw path's events must be real enough for the app's outbox relay to publish them.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection db = app.connect();
                var ps = db.prepareStatement(
                        "select count(*) filter (where published_at is null), count(*),"
                                + " avg(octet_length(payload::text)) filter (where operation_id = any(?))"
                                + " from operations.outbox")) {
            ps.setArray(1, db.createArrayOf("uuid", rawIds));
            while (true) {
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    report.outboxUnpublished = rs.getLong(1);
                    report.outboxRows = rs.getLong(2);
                    report.rawEventBytes = rs.getDouble(3);
                }
                if (report.outboxUnpublished == 0 || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(500);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ creation

    void creation() throws Exception {
        for (int clients : cfg.createClients()) {
            Run run = creation(clients);
            report.creations.add(run);
            if (report.creation == null) {
                report.creation = run;
            }
        }
    }

    Run creation(int clients) throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        return timed(
                "create",
                clients,
                c -> {
                    HttpClient http = newHttp();
                    return new Worker() {
                        long n;

                        @Override
                        public int step() throws Exception {
                            n++;
                            String body = "{\"type\":\"withdrawal\",\"reference\":\"BENCH-" + runId + "-" + c + "-" + n
                                    + "\",\"subject\":\"client-" + ((c * 7919L + n) % 200000)
                                    + "\",\"amount\":{\"value\":\"125.50\",\"currency\":\"EUR\"},"
                                    + "\"attributes\":{\"channel\":\"api\",\"country\":\"DE\",\"riskScore\":7}}";
                            var response = http.send(
                                    api("/api/v1/operations")
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(body))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 201) {
                                throw new HttpError(response.statusCode(), response.body());
                            }
                            return 201;
                        }
                    };
                },
                "/api/v1/operations",
                "POST");
    }

    // ------------------------------------------------------------------------------------------------ lists

    record ListResult(String label, int requests, long[] sorted, long errors, String errorSample, String extra) {
        double p(double q) {
            return percentileMs(sorted, q);
        }
    }

    void listQueries() throws Exception {
        HttpClient http = newHttp();
        {
            String first = "/api/v1/operations?type=withdrawal&status=PENDING&limit=50";
            String subject = "/api/v1/operations?subject=" + URLEncoder.encode(SEEDED_SUBJECT, StandardCharsets.UTF_8)
                    + "&limit=50";
            long phaseDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            // warm-up, not measured: for listWarmup seconds, the first page, 20 cursor pages and 5 subject queries
            long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(cfg.listWarmup());
            int warmRequests = 0;
            while (System.nanoTime() < warmEnd) {
                warmRequests++;
                String cursor = text(JSON.readTree(get(http, first).body()).get("nextCursor"));
                for (int p = 0; p < 20 && cursor != null; p++) {
                    warmRequests++;
                    cursor = text(JSON.readTree(get(http, first + "&cursor="
                                            + URLEncoder.encode(cursor, StandardCharsets.UTF_8))
                                    .body())
                            .get("nextCursor"));
                }
                for (int i = 0; i < 5; i++) {
                    warmRequests++;
                    get(http, subject);
                }
            }
            report.listWarmupRequests = warmRequests;
            report.lists.add(sequential(http, "type=withdrawal&status=PENDING, first page", first, phaseDeadline));
            // follow nextCursor 20 pages deep, again and again
            Samples deep = new Samples();
            Samples page20 = new Samples();
            long errors = 0;
            String errorSample = "";
            int rounds = Math.max(1, (cfg.listRequests() + 19) / 20);
            for (int r = 0; r < rounds && System.nanoTime() < phaseDeadline; r++) {
                var page = get(http, first);
                String cursor = text(JSON.readTree(page.body()).get("nextCursor"));
                for (int p = 1; p <= 20 && cursor != null; p++) {
                    String uri = first + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
                    long s = System.nanoTime();
                    var response = get(http, uri);
                    long e = System.nanoTime();
                    if (response.statusCode() != 200) {
                        errors++;
                        errorSample = response.statusCode() + " " + response.body();
                        break;
                    }
                    deep.add(e - s);
                    if (p == 20) {
                        page20.add(e - s);
                    }
                    cursor = text(JSON.readTree(response.body()).get("nextCursor"));
                }
            }
            long[] d = Arrays.copyOf(deep.a, deep.n);
            Arrays.sort(d);
            long[] d20 = Arrays.copyOf(page20.a, page20.n);
            Arrays.sort(d20);
            report.lists.add(new ListResult(
                    "same, following nextCursor to page 21 (pages 2–21)",
                    d.length,
                    d,
                    errors,
                    errorSample,
                    String.format(Locale.ROOT, "the 20th cursor page alone: p50 %.2f ms, p95 %.2f ms (%d requests)",
                            percentileMs(d20, 0.5), percentileMs(d20, 0.95), d20.length)));
            report.lists.add(sequential(http, "subject=" + SEEDED_SUBJECT + " (all types)", subject, phaseDeadline));
            report.lists.add(sequential(http, "type=withdrawal&status=PENDING, first page, measured again last", first,
                    phaseDeadline));
        }
        // the first-page query as the app sends it, straight over JDBC
        try (Connection db = app.connect()) {
            String sql = "select " + COLUMNS + " from operations.operation where true and type = ? and status = ?"
                    + " order by created_at desc, id desc limit ?";
            try (var ps = db.prepareStatement(sql)) {
                long[] lat = new long[cfg.listRequests()];
                for (int i = 0; i < 50; i++) {
                    drain(ps, "withdrawal", "PENDING", 51);
                }
                for (int i = 0; i < lat.length; i++) {
                    long s = System.nanoTime();
                    drain(ps, "withdrawal", "PENDING", 51);
                    lat[i] = System.nanoTime() - s;
                }
                Arrays.sort(lat);
                report.lists.add(new ListResult(
                        "raw JDBC: the first-page SQL (51 rows, all columns)", lat.length, lat, 0, "", ""));
            }
            report.explainFirst = explain(db,
                    "select " + COLUMNS + " from operations.operation where true and type = 'withdrawal'"
                            + " and status = 'PENDING' order by created_at desc, id desc limit 51");
            report.explainSubject = explain(db,
                    "select " + COLUMNS + " from operations.operation where true and subject = '" + SEEDED_SUBJECT
                            + "' order by created_at desc, id desc limit 51");
        }
    }

    static void drain(PreparedStatement ps, String type, String status, int limit) throws SQLException {
        ps.setString(1, type);
        ps.setString(2, status);
        ps.setInt(3, limit);
        try (var rs = ps.executeQuery()) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= cols; c++) {
                    rs.getObject(c);
                }
            }
        }
    }

    record Explain(String plan, double executionMs, double planningMs, String indexes) {}

    static Explain explain(Connection db, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (var st = db.createStatement(); var rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        double exec = Double.NaN, plan = Double.NaN;
        List<String> indexes = new ArrayList<>();
        var idx = java.util.regex.Pattern.compile("(Index Only Scan|Index Scan|Bitmap Index Scan)( Backward)? (using|on) (\\S+)");
        for (String l : lines) {
            var m = java.util.regex.Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(l);
            if (m.find()) {
                exec = Double.parseDouble(m.group(1));
            }
            m = java.util.regex.Pattern.compile("Planning Time: ([0-9.]+) ms").matcher(l);
            if (m.find()) {
                plan = Double.parseDouble(m.group(1));
            }
            m = idx.matcher(l);
            if (m.find()) {
                indexes.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)) + " on " + m.group(4));
            }
        }
        return new Explain(String.join("\n", lines), exec, plan, indexes.isEmpty() ? "no index (sequential scan)" : String.join(", ", indexes));
    }

    ListResult sequential(HttpClient http, String label, String uri, long deadline) throws Exception {
        long[] lat = new long[cfg.listRequests()];
        int n = 0;
        long errors = 0;
        String sample = "";
        int items = -1;
        for (int i = 0; i < lat.length && System.nanoTime() < deadline; i++) {
            long s = System.nanoTime();
            var response = get(http, uri);
            long e = System.nanoTime();
            if (response.statusCode() != 200) {
                errors++;
                sample = response.statusCode() + " " + response.body();
                continue;
            }
            if (items < 0) {
                items = JSON.readTree(response.body()).get("items").size();
            }
            lat[n++] = e - s;
        }
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        var r = new ListResult(label, n, sorted, errors, sample, items + " items per page");
        log(String.format(Locale.ROOT, "list %-45s p50 %.2f ms p95 %.2f ms (%d requests, %d errors)", label,
                r.p(0.5), r.p(0.95), n, errors));
        return r;
    }

    HttpResponse<String> get(HttpClient http, String uri) throws IOException, InterruptedException {
        return http.send(api(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------------------------------------ facts

    static Map<String, String> machineFacts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nproc", sh("nproc").trim());
        m.put("free -h", sh("free", "-h").stripTrailing());
        m.put("cpu", sh("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").trim());
        m.put("kernel", sh("uname", "-srm").trim());
        m.put("java -version", sh(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .stripTrailing());
        m.put("git", sh("git", "rev-parse", "--short", "HEAD").trim()
                + (sh("git", "status", "--porcelain", "--untracked-files=no").isBlank() ? "" : " (working tree has uncommitted changes)"));
        try {
            m.put("jar", "target/opsdesk.jar, built " + Files.getLastModifiedTime(ROOT.resolve("target/opsdesk.jar")));
        } catch (IOException e) {
            m.put("jar", "target/opsdesk.jar");
        }
        return m;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String sh(String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    Map<String, String> facts(Connection db) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (var st = db.createStatement()) {
            for (String q : List.of(
                    "select version()", "show shared_buffers", "show fsync", "show synchronous_commit",
                    "show full_page_writes", "show max_connections", "show max_wal_size", "show work_mem")) {
                try (var rs = st.executeQuery(q)) {
                    rs.next();
                    m.put(q.replace("select ", "").replace("show ", ""), rs.getString(1));
                }
            }
        }
        return m;
    }

    Map<String, String> afterFacts(Connection db) throws SQLException {
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
            m.put("outbox rows unpublished at the end (right after the creation run)", String.format(Locale.ROOT, "%,d", rs.getLong(4)));
            m.put("operation row updates (HOT)", String.format(Locale.ROOT, "%,d (%,d)", rs.getLong(5), rs.getLong(6)));
            m.put("database size", mb(rs.getLong(7)));
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ the app

    static final class App {
        /**
         * An external PostgreSQL instead of the app's embedded one (issue 15 measures the API and the pgbench
         * reference on the same cluster): the JDBC URL of an empty database, given to the app as
         * SPRING_DATASOURCE_URL and used by the seeder. Unset: the embedded PostgreSQL, as before.
         */
        static final String EXTERNAL_URL = System.getenv("BENCH_DATABASE_URL");

        static final String EXTERNAL_USER = System.getenv().getOrDefault("BENCH_DATABASE_USER", "postgres");
        /** The external server's postmaster.pid, so that the CPU split can count PostgreSQL (optional). */
        static final String EXTERNAL_PID_FILE = System.getenv("BENCH_POSTMASTER_PID");

        static boolean external() {
            return EXTERNAL_URL != null && !EXTERNAL_URL.isBlank();
        }

        final Config cfg;
        final String apiKey = "bench_" + HexFormat.of().formatHex(random(24));
        final Path logFile = DATA.resolve("app.log");
        final double clockTicks;
        /** Set by other harnesses (DeliveryBench) before start: more environment for the app. */
        final Map<String, String> extraEnv = new LinkedHashMap<>();
        Process process;
        int port;
        private boolean stopped;

        App(Config cfg) {
            this.cfg = cfg;
            double tck = 100;
            try {
                tck = Double.parseDouble(sh("getconf", "CLK_TCK").trim());
            } catch (NumberFormatException ignored) {
                // 100 on every Linux we know
            }
            this.clockTicks = tck;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        synchronized void start() throws Exception {
            Path jar = ROOT.resolve("target/opsdesk.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run bench/run.sh (it builds it)");
            }
            stopPostgres(); // a PostgreSQL left behind by an earlier run that was killed
            deleteRecursively(DATA);
            Files.createDirectories(DATA);
            // run a copy: a rebuild of target/opsdesk.jar by someone else during the run cannot disturb it
            Files.copy(jar, DATA.resolve("opsdesk.jar"));
            port = freePort();
            launch();
        }

        /** Stops the app gracefully and starts it again on the same data (and port), with the current extraEnv. */
        synchronized void restart() throws Exception {
            stop();
            stopped = false;
            launch();
        }

        private void launch() throws Exception {
            Path copy = DATA.resolve("opsdesk.jar");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(cfg.appJavaOpts().trim().split("\\s+")));
            command.add("-jar");
            command.add(copy.toString());
            var builder = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            var env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE"));
            if (external()) {
                env.put("SPRING_DATASOURCE_URL", EXTERNAL_URL);
                env.put("SPRING_DATASOURCE_USERNAME", EXTERNAL_USER);
                // with an external database the app refuses to generate its own sealing key (other nodes could
                // not read what it sealed); one throwaway key per benchmark run is right for a single node
                env.putIfAbsent("OPSDESK_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(random(32)));
                String password = System.getenv("BENCH_DATABASE_PASSWORD");
                if (password != null) {
                    env.put("SPRING_DATASOURCE_PASSWORD", password);
                }
            }
            env.put("OPSDESK_PORT", Integer.toString(port));
            env.put("OPSDESK_DATA_DIR", DATA.toString());
            env.put("OPSDESK_WORKFLOWS_DIR", ROOT.resolve("bench/workflows").toString());
            env.put("OPSDESK_BOOTSTRAP_API_KEY", apiKey);
            env.put("OPSDESK_DEMO", "false");
            env.put("OPSDESK_API_RATE_LIMIT_PER_SECOND", "1000000"); // measure the engine, not the limiter
            env.put("OPSDESK_ADMIN_PASSWORD", "bench-" + HexFormat.of().formatHex(random(12)));
            env.putAll(extraEnv);
            log("starting the app on 127.0.0.1:" + port + " (data in " + ROOT.relativize(DATA) + ", log "
                    + ROOT.relativize(logFile) + ", OPSDESK_DB_POOL_SIZE="
                    + System.getenv().getOrDefault("OPSDESK_DB_POOL_SIZE", "(default 20)") + ")");
            long t0 = System.nanoTime();
            process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            awaitReady(Duration.ofSeconds(240));
            log(String.format(Locale.ROOT, "app ready after %.1f s (pid %d, PostgreSQL %s)",
                    secondsSince(t0), process.pid(), external()
                            ? EXTERNAL_URL
                            : "pid " + postmasterPid() + ", port " + postgresPort()));
        }

        private void awaitReady(Duration timeout) throws Exception {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            {
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "the app exited with " + process.exitValue() + " during start\n" + tail(60));
                    }
                    try {
                        var response = http.send(
                                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            return;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(250);
                }
                throw new IllegalStateException("the app was not ready within " + timeout + "\n" + tail(60));
            }
        }

        /** SIGTERM and wait (graceful shutdown stops the embedded PostgreSQL); then make sure PostgreSQL is gone. */
        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                if (statsConnection != null) {
                    statsConnection.close();
                }
            } catch (SQLException ignored) {
                // the server goes away anyway
            }
            if (process != null && process.isAlive()) {
                log("stopping the app (SIGTERM to pid " + process.pid() + ")");
                process.destroy();
                try {
                    if (!process.waitFor(90, TimeUnit.SECONDS)) {
                        log("the app did not stop within 90 s: SIGKILL");
                        process.destroyForcibly();
                        process.waitFor(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
                log("app exited with " + (process.isAlive() ? "(still alive!)" : process.exitValue()));
            }
            stopPostgres();
        }

        /** Stops a PostgreSQL still running on our data directory (only that one: pid from postmaster.pid). */
        static void stopPostgres() {
            Path pidFile = DATA.resolve("postgres/postmaster.pid");
            long pid;
            try {
                if (!Files.isRegularFile(pidFile)) {
                    return;
                }
                pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            } catch (IOException | RuntimeException e) {
                return;
            }
            var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty()) {
                return;
            }
            String cmd = handle.get().info().commandLine().orElse("");
            if (!cmd.contains("postgres")) {
                return;
            }
            log("PostgreSQL pid " + pid + " still runs on " + ROOT.relativize(DATA) + ": fast shutdown (SIGINT)");
            sh("kill", "-INT", Long.toString(pid));
            try {
                handle.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log("PostgreSQL pid " + pid + " did not stop: SIGKILL");
                handle.get().destroyForcibly();
            }
        }

        long postmasterPid() throws IOException {
            Path pidFile = external()
                    ? (EXTERNAL_PID_FILE == null ? null : Path.of(EXTERNAL_PID_FILE))
                    : DATA.resolve("postgres/postmaster.pid");
            if (pidFile == null) {
                throw new IOException("BENCH_POSTMASTER_PID is not set: PostgreSQL's CPU is not counted");
            }
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        }

        int postgresPort() throws IOException {
            return Integer.parseInt(Files.readAllLines(DATA.resolve("postgres/postmaster.pid")).get(3).trim());
        }

        /** For seeding and facts: long statements (VACUUM of a million rows) are expected. */
        Connection connect() throws SQLException {
            return connect(1800);
        }

        Connection connect(int socketTimeoutSeconds) throws SQLException {
            try {
                String url = external()
                        ? EXTERNAL_URL + (EXTERNAL_URL.contains("?") ? "&" : "?") + "user=" + EXTERNAL_USER
                        : "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/opsdesk?user=postgres";
                String password = System.getenv("BENCH_DATABASE_PASSWORD");
                return DriverManager.getConnection(url + (external() && password != null ? "&password=" + password : "")
                        + "&ApplicationName=opsdesk-bench&connectTimeout=10&socketTimeout=" + socketTimeoutSeconds);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Connection statsConnection;

        /**
         * The database's commits, rollbacks, buffer accesses (hit + read) and rows read so far, from
         * pg_stat_database (flushed by each backend at least once a second, so exact enough over a window).
         */
        synchronized long[] dbStats() {
            try {
                if (statsConnection == null || statsConnection.isClosed()) {
                    statsConnection = connect(30);
                }
                try (var st = statsConnection.createStatement();
                        var rs = st.executeQuery(
                                "select xact_commit, xact_rollback, blks_hit + blks_read, tup_returned + tup_fetched"
                                        + " from pg_stat_database where datname = current_database()")) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
                }
            } catch (SQLException e) {
                log("cannot read pg_stat_database: " + e);
                return null;
            }
        }

        /** Micrometer's timers for one endpoint plus Hikari's, from /actuator/prometheus. */
        Map<String, Double> metrics(String uri, String method) {
            Map<String, Double> m = new LinkedHashMap<>();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try {
                String text = http.send(
                                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                for (String line : text.split("\n")) {
                    if (line.startsWith("#")) {
                        continue;
                    }
                    int space = line.lastIndexOf(' ');
                    if (space < 0) {
                        continue;
                    }
                    double value;
                    try {
                        value = Double.parseDouble(line.substring(space + 1));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    String series = line.substring(0, space);
                    if (series.startsWith("http_server_requests_seconds_")
                            && series.contains("uri=\"" + uri + "\"")
                            && series.contains("method=\"" + method + "\"")
                            && (series.contains("status=\"200\"") || series.contains("status=\"201\""))) {
                        String name = series.substring(0, series.indexOf('{'));
                        m.merge(name, value, Double::sum);
                    }
                    for (String h : List.of(
                            "hikaricp_connections_usage_seconds_sum", "hikaricp_connections_usage_seconds_count",
                            "hikaricp_connections_acquire_seconds_sum", "hikaricp_connections_acquire_seconds_count")) {
                        if (series.startsWith(h + "{") || series.equals(h)) {
                            m.merge(h, value, Double::sum);
                        }
                    }
                }
            } catch (IOException e) {
                log("cannot read /actuator/prometheus: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return m;
        }

        /**
         * CPU ticks used so far by the app JVM, by PostgreSQL (postmaster, its children, reaped children), by us, by
         * the whole machine (busy, from /proc/stat) and the machine's iowait.
         */
        long[] cpuTicks() {
            long appTicks = process == null ? 0 : ticks(process.pid(), false);
            long pg = 0;
            try {
                long pm = postmasterPid();
                pg = ticks(pm, true);
                try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                    for (Path p : (Iterable<Path>) procs::iterator) {
                        String name = p.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        String[] f = stat(Long.parseLong(name));
                        if (f != null && Long.parseLong(f[1]) == pm) {
                            pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // leave what we have
            }
            long self = ticks(ProcessHandle.current().pid(), false);
            long busy = 0, iowait = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal ...
                for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(cpu[i]);
                    }
                }
                iowait = Long.parseLong(cpu[5]);
            } catch (IOException | RuntimeException e) {
                // leave zeros
            }
            return new long[] {appTicks, pg, self, busy, iowait};
        }

        /** utime + stime (+ reaped children's when asked), in clock ticks. */
        static long ticks(long pid, boolean withChildren) {
            String[] f = stat(pid);
            if (f == null) {
                return 0;
            }
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withChildren) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t;
        }

        /** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
        static String[] stat(long pid) {
            try {
                String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(logFile);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    static final class Report {
        Config cfg;
        ZonedDateTime started, finished;
        Map<String, String> machine, postgres, after;
        Map<String, Integer> workflowVersions;
        Map<String, Map<String, Integer>> mix;
        int appPort;
        double seedInsertSeconds, vacuumSeconds, checkpointSeconds;
        long rowsOperation, rowsHistory, sizeOperation, sizeHistory, sizeDatabase, withdrawalPending, subjectRows;
        int apiEventBytes;
        double rawEventBytes;
        long outboxUnpublished, outboxRows;
        final List<Run[]> transitions = new ArrayList<>();
        final Map<String, String> warmupErrors = new LinkedHashMap<>();
        String loadBefore, loadAfter;
        Run creation; // the first of creations
        final List<Run> creations = new ArrayList<>();
        final List<ListResult> lists = new ArrayList<>();
        Explain explainFirst, explainSubject;
        int listWarmupRequests;

        String markdown() {
            var b = new StringBuilder();
            b.append("## Core engine (issue 2)\n\n");
            b.append("Measured by `bench/TransitionBench.java` (started by `bench/run.sh`) on ")
                    .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                    .append(", one run; it took ")
                    .append(Duration.between(started, finished).toSeconds() / 60)
                    .append(" min ")
                    .append(Duration.between(started, finished).toSeconds() % 60)
                    .append(" s. All figures below come from that one run; the machine is small and shared, so "
                            + "read them as medians and ratios of one sitting, not as absolute capacity.\n\n");
            b.append("Command:\n\n```\n").append(cfg.command()).append("\n```\n\n");
            b.append(String.format(Locale.ROOT,
                    "Settings: %,d seeded operations of the 12 shipped types + %,d `bench_ping` operations; %d s "
                            + "measured per run after %d s of unmeasured warm-up; transition clients %s; creation "
                            + "clients %s; %d sequential requests per list query; before the first transition "
                            + "run, %d s of unmeasured API and then raw transitions at 4 clients warm both JVMs' JIT; "
                            + "app JVM `%s`; OPSDESK_DB_POOL_SIZE=%s.\n\n",
                    cfg.operations(), cfg.pingOperations(), cfg.seconds(), cfg.warmup(),
                    Arrays.toString(cfg.clients()), Arrays.toString(cfg.createClients()), cfg.listRequests(), cfg.jitWarmup(),
                    cfg.appJavaOpts(),
                    System.getenv().getOrDefault("OPSDESK_DB_POOL_SIZE", "20 (default)")));

            b.append("### Targets\n\n| Target | Measured | Met? |\n|---|---|---|\n");
            Run[] at16 = find(16);
            if (at16 != null) {
                double ratio = at16[0].throughput() / at16[1].throughput();
                b.append(String.format(Locale.ROOT,
                        "| Transition throughput through the API ≥ 50%% of raw SQL at 16 clients | %.0f%% (API %.0f/s, raw SQL %.0f/s) | %s |\n",
                        100 * ratio, at16[0].throughput(), at16[1].throughput(), yes(ratio >= 0.5 && at16[0].measuredErrors == 0)));
            } else {
                b.append("| Transition throughput through the API ≥ 50% of raw SQL at 16 clients | not measured (no 16-client run) | – |\n");
            }
            Run[] at4 = find(4);
            if (at4 != null) {
                b.append(String.format(Locale.ROOT,
                        "| p95 of a single transition through the API < 20 ms at 4 clients | %.2f ms | %s |\n",
                        at4[0].p(0.95), yes(at4[0].p(0.95) < 20 && at4[0].measuredErrors == 0)));
            } else {
                b.append("| p95 of a single transition through the API < 20 ms at 4 clients | not measured | – |\n");
            }
            if (!lists.isEmpty()) {
                for (int i = 0; i < Math.min(3, lists.size()); i++) {
                    ListResult l = lists.get(i);
                    b.append(String.format(Locale.ROOT,
                            "| List p95 < 15 ms at %s rows: %s | %.2f ms | %s |\n",
                            millions(rowsOperation), l.label(), l.p(0.95), yes(l.p(0.95) < 15 && l.errors() == 0)));
                }
            } else {
                b.append("| List p95 < 15 ms at 1M rows | not measured | – |\n");
            }
            b.append('\n');

            b.append("### Machine\n\n");
            b.append("| | |\n|---|---|\n");
            b.append("| `nproc` | ").append(machine.get("nproc")).append(" |\n");
            b.append("| CPU | ").append(machine.get("cpu")).append(" |\n");
            b.append("| kernel | ").append(machine.get("kernel")).append(" |\n");
            b.append("| PostgreSQL | ").append(postgres.get("version()"))
                    .append(App.external() ? " (external: " + App.EXTERNAL_URL + ")" : " (embedded, zonky)")
                    .append(" |\n");
            b.append("| PostgreSQL settings | shared_buffers ").append(postgres.get("shared_buffers"))
                    .append(", fsync ").append(postgres.get("fsync"))
                    .append(", synchronous_commit ").append(postgres.get("synchronous_commit"))
                    .append(", full_page_writes ").append(postgres.get("full_page_writes"))
                    .append(", max_wal_size ").append(postgres.get("max_wal_size"))
                    .append(", max_connections ").append(postgres.get("max_connections")).append(" |\n");
            b.append("| code | commit ").append(machine.get("git")).append("; ").append(machine.get("jar")).append(" |\n\n");
            b.append("`free -h`:\n\n```\n").append(machine.get("free -h")).append("\n```\n\n");
            b.append("`java -version` (the benchmark and the app use the same JVM):\n\n```\n")
                    .append(machine.get("java -version")).append("\n```\n\n");
            b.append("The app, its PostgreSQL and the load generator all run on these same cores, so every figure "
                    + "includes the cost of the client too (the CPU split per run is given below). Load average "
                    + "before the run: ").append(loadBefore).append("; after: ").append(loadAfter).append(".\n\n");

            b.append("### Seeding\n\n");
            b.append(String.format(Locale.ROOT,
                    "%,d operations (%,d of the 12 shipped types + %,d `bench_ping`) and %,d history entries, "
                            + "inserted with `INSERT … SELECT … FROM generate_series` in batches of 100,000 rows "
                            + "(one statement per batch writes the operations and their `created` history rows): "
                            + "**%.1f s** (%,.0f operations/s), then `VACUUM ANALYZE` %.1f s and a `CHECKPOINT` %.1f s "
                            + "so that the measurements do not start inside one. Sizes: `operations.operation` %s "
                            + "(with its indexes), `operations.history_entry` %s, database %s.\n\n",
                    rowsOperation, cfg.operations(), cfg.pingOperations(), rowsHistory, seedInsertSeconds,
                    rowsOperation / seedInsertSeconds, vacuumSeconds, checkpointSeconds, mb(sizeOperation),
                    mb(sizeHistory), mb(sizeDatabase)));
            b.append("Mix (per 10,000 rows; each type has 10% in PENDING stages, half of them in the initial stage, "
                    + "75% SUCCESS, 10% REJECTED, 5% ERROR; amounts for the money types; 10% assigned; created over "
                    + "the last 365 days; `subject` = `client-<n mod 200000>`, so about five operations per "
                    + "subject): ");
            b.append(MIX.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            b.append(". `workflow_version` of every row is the type's version in `workflow.definition_version` (")
                    .append(workflowVersions.entrySet().stream().map(e -> e.getKey() + " v" + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append(").\n\n");
            b.append("The seeded history is a placeholder: each seeded row has one `created` entry whose hash is "
                    + "`sha256(id::text::bytea)` (and `history_head` the same), so **seeded chains do not verify**. "
                    + "Every transition measured below is real: the API computes the chained SHA-256 as always, and "
                    + "the raw-SQL path computes it the same way as `HistoryChain` (previous hash + the canonical "
                    + "JSON array of the entry).\n\n");

            if (!transitions.isEmpty()) {
                b.append("### Transitions: HTTP API vs the same transaction as raw SQL\n\n");
                b.append("Both move `bench_ping` operations between the stages `ping` and `pong` (both PENDING); "
                        + "each client owns a disjoint slice of operations and moves them round-robin, so clients "
                        + "never wait for each other's row locks. The API clients and the raw clients use disjoint "
                        + "halves of the `bench_ping` operations.\n\n");
                b.append("- **API**: `POST /api/v1/operations/{id}/transitions` `{\"to\":…,\"reason\":\"bench\"}` "
                        + "with `Authorization: Bearer`, a minimal HTTP/1.1 keep-alive client on a socket (`PlainHttp`:"
                        + " the JDK HttpClient cost ≈0.28 CPU-ms per request on the shared cores), one per "
                        + "thread, the next stage tracked client-side (no If-Match); success = 200.\n");
                b.append("- **Raw SQL**: one JDBC connection per client, autocommit off: `SELECT <the app's columns> "
                        + "… FOR UPDATE`; `UPDATE operations.operation SET stage, status, version = version + 1, "
                        + "updated_at, stage_entered_at, history_head`; `INSERT` the history entry (hash computed "
                        + "in Java like `HistoryChain`); `INSERT` the outbox event (JSON built from a real API "
                        + "event, same shape and size); `COMMIT`.\n\n");
                b.append(String.format(Locale.ROOT,
                        "Event sizes: an API outbox payload is %d bytes, the raw path's average %.0f bytes.\n\n",
                        apiEventBytes, rawEventBytes));
                b.append("| Clients | API tx/s | API p50 | API p95 | API p99 | API errors | raw SQL tx/s | raw p50 | raw p95 | raw p99 | raw errors | **API / raw** |\n");
                b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                for (Run[] r : transitions) {
                    b.append(String.format(Locale.ROOT,
                            "| %d | %.0f | %.2f ms | %.2f ms | %.2f ms | %d | %.0f | %.2f ms | %.2f ms | %.2f ms | %d | **%.0f%%** |\n",
                            r[0].clients, r[0].throughput(), r[0].p(.5), r[0].p(.95), r[0].p(.99), r[0].measuredErrors,
                            r[1].throughput(), r[1].p(.5), r[1].p(.95), r[1].p(.99), r[1].measuredErrors,
                            100 * r[0].throughput() / r[1].throughput()));
                }
                b.append("\nLatency is per request or transaction, measured by the client in nanoseconds; throughput "
                        + "is successes completed inside the measured window divided by its length.\n\n");
                warmupErrors.forEach((k, v) -> b.append("Errors during the ").append(k)
                        .append(" JIT warm-up: `").append(v.replace("`", "'").replace("\n", " ")).append("`\n\n"));
                for (Run[] r : transitions) {
                    for (Run x : r) {
                        if (x.errors.total() > 0) {
                            b.append("Errors in ").append(x.label).append(" at ").append(x.clients)
                                    .append(" clients (warm-up included): ").append(x.errors.summary()).append(". ");
                            x.errors.samples.forEach((k, v) -> b.append("First ").append(k).append(": `")
                                    .append(v.replace("`", "'").replace("\n", " ")).append("`. "));
                            b.append("\n\n");
                        }
                        if (x.hung) {
                            b.append("Some ").append(x.label).append(" clients at ").append(x.clients)
                                    .append(" were still inside a request 90 s after the window closed.\n\n");
                        }
                    }
                }

                b.append("#### Where the time goes\n\n");
                b.append("Per run, over the measured window: the client's mean latency; the app's own mean time per "
                        + "transition (Micrometer `http.server.requests`, which starts before Spring Security); the "
                        + "time a pooled connection was held and the time spent waiting for one, per transition "
                        + "(Hikari `usage`/`acquire`; the API-key lookup takes its own connection before the "
                        + "transaction does; the outbox relay and timer poller use some too); and the CPU used by "
                        + "each party as a share of the machine (100% = every core busy): the app JVM, PostgreSQL "
                        + "(all its processes), the load generator, and every other process on the machine (other "
                        + "people's builds and tests share it), plus iowait; and CPU-milliseconds per "
                        + "transition; and, from `pg_stat_database`, the database's commits and buffer accesses per transition (everything "
                        + "on the database counts: the outbox relay's batches too; approximate, because each backend reports its counts at most once a second "
                        + "and an idle one later). Hikari records connection usage in whole milliseconds (truncated), so "
                        + "\"connection held\" understates sub-millisecond transactions.\n\n");
                b.append("| Run | Clients | client mean | app mean (http.server.requests) | connection held / tx | connection wait / tx | CPU app JVM | CPU PostgreSQL | CPU load generator | CPU other processes | iowait | CPU-ms per tx app / PG / client | PG commits / tx | PG buffer accesses / tx |\n");
                b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
                for (Run[] r : transitions) {
                    for (Run x : r) {
                        b.append(whereRow(x, x == r[0]));
                    }
                }
                for (Run c : creations) {
                    b.append(whereRow(c, true));
                }
                b.append('\n');
                b.append(reading());
            }

            if (creation != null) {
                b.append("### Creation\n\n");
                b.append(String.format(Locale.ROOT,
                        "`POST /api/v1/operations` (type `withdrawal`, unique references, amount 125.50 EUR, three "
                                + "attributes) at %d clients for %d s after %d s of warm-up, on top of the seeded rows: "
                                + "**%.0f operations/s**, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d errors (success = 201). "
                                + "Each creation writes the operation, its `created` history entry and its outbox event in one "
                                + "transaction.\n\n",
                        creation.clients, creation.seconds, cfg.warmup(), creation.throughput(), creation.p(.5),
                        creation.p(.95), creation.p(.99), creation.measuredErrors));
                for (Run c : creations.subList(1, creations.size())) {
                    b.append(String.format(Locale.ROOT,
                            "Then at %d clients: %.0f operations/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d errors.\n\n",
                            c.clients, c.throughput(), c.p(.5), c.p(.95), c.p(.99), c.measuredErrors));
                }
                if (creation.errors.total() > 0) {
                    b.append("Errors: ").append(creation.errors.summary()).append(". ");
                    creation.errors.samples.forEach((k, v) -> b.append("First ").append(k).append(": `")
                            .append(v.replace("`", "'").replace("\n", " ")).append("`. "));
                    b.append("\n\n");
                }
            }

            if (!lists.isEmpty()) {
                b.append("### Lists at ").append(millions(rowsOperation)).append(" operations\n\n");
                b.append(String.format(Locale.ROOT,
                        "Sequential requests by one client after %d s (%,d requests) of unmeasured ones (the first page, 20 cursor pages, 5 subject queries, round and round), `limit=50`, newest first "
                                + "(the default sort). %,d seeded operations match `type=withdrawal&status=PENDING`; "
                                + "%d match `subject=%s`.\n\n",
                        cfg.listWarmup(), listWarmupRequests, withdrawalPending, subjectRows, SEEDED_SUBJECT));
                b.append("| Query | Requests | p50 | p95 | p99 | errors | target p95 < 15 ms | notes |\n|---|---:|---:|---:|---:|---:|---|---|\n");
                for (ListResult l : lists) {
                    boolean api = !l.label().startsWith("raw");
                    b.append(String.format(Locale.ROOT, "| %s | %d | %.2f ms | %.2f ms | %.2f ms | %d | %s | %s |\n",
                            l.label(), l.requests(), l.p(.5), l.p(.95), l.p(.99), l.errors(),
                            api ? yes(l.p(.95) < 15 && l.errors() == 0) : "(comparison)",
                            l.extra() + (l.errorSample().isEmpty() ? "" : "; error: " + l.errorSample())));
                }
                b.append('\n');
                if (explainFirst != null) {
                    b.append(String.format(Locale.ROOT,
                            "`EXPLAIN (ANALYZE, BUFFERS)` of the first-page query (run once, after the timed "
                                    + "requests): execution %.3f ms, planning %.3f ms, %s.\n\n```\n%s\n```\n\n",
                            explainFirst.executionMs(), explainFirst.planningMs(), explainFirst.indexes(),
                            explainFirst.plan()));
                    b.append(String.format(Locale.ROOT,
                            "The same for `subject=%s`: execution %.3f ms, planning %.3f ms, %s.\n\n```\n%s\n```\n\n",
                            SEEDED_SUBJECT, explainSubject.executionMs(), explainSubject.planningMs(),
                            explainSubject.indexes(), explainSubject.plan()));
                }
            }

            b.append("### After the run\n\n| | |\n|---|---|\n");
            after.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            if (!transitions.isEmpty()) {
                b.append(String.format(Locale.ROOT,
                        "| outbox rows unpublished right after the transition runs (waited up to 20 s; the app's "
                                + "relay must publish the raw path's events too) | %,d of %,d |\n",
                        outboxUnpublished, outboxRows));
            }
            b.append('\n');
            return b.toString();
        }

        /** A few sentences computed from the figures above: what bounds the ratio on this machine. */
        String reading() {
            var b = new StringBuilder();
            Run[] top = transitions.get(transitions.size() - 1);
            Run api = top[0], raw = top[1];
            double na = Math.max(1, api.ok), nr = Math.max(1, raw.ok);
            double appA = 1000 * api.cpu.app() / na, pgA = 1000 * api.cpu.postgres() / na, clA = 1000 * api.cpu.bench() / na;
            double appR = 1000 * raw.cpu.app() / nr, pgR = 1000 * raw.cpu.postgres() / nr, clR = 1000 * raw.cpu.bench() / nr;
            double totA = appA + pgA + clA, totR = appR + pgR + clR;
            double cap = Integer.parseInt(machineCores());
            double busyA = (api.cpu.app() + api.cpu.postgres() + api.cpu.bench() + api.cpu.others()) / (api.cpu.wall() * cap);
            b.append(String.format(Locale.ROOT,
                    "Reading (computed from the table): at %d clients the machine was %.0f%% busy during the API run. "
                            + "A transition through the API cost %.2f CPU-ms in all (app %.2f, PostgreSQL %.2f, load "
                            + "generator %.2f); the raw-SQL transaction %.2f CPU-ms (PostgreSQL %.2f, load generator "
                            + "%.2f, the app's outbox relay %.2f). When the cores are the limit, API/raw cannot exceed "
                            + "%.0f%% here (measured: %.0f%%); even an app that cost nothing would be held to %.0f%% by "
                            + "the extra PostgreSQL work and the HTTP client's cost.",
                    api.clients, 100 * busyA, totA, appA, pgA, clA, totR, pgR, clR, appR, 100 * totR / totA,
                    100 * api.throughput() / raw.throughput(), 100 * totR / (pgA + clA)));
            Run[] one = find(1);
            if (one != null) {
                Double count = one[0].server.get("http_server_requests_seconds_count");
                Double sum = one[0].server.get("http_server_requests_seconds_sum");
                if (count != null && count > 0) {
                    double appMean = 1000 * sum / count;
                    b.append(String.format(Locale.ROOT,
                            " At 1 client (no queueing) the API's mean of %.2f ms splits into %.2f ms outside the "
                                    + "app's own timing (HTTP client, loopback, Tomcat before the observation filter) "
                                    + "and %.2f ms inside it, of which the raw transaction's %.2f ms is the database "
                                    + "work; the remaining %.2f ms is the app (filters, API-key lookup, MVC, JSON, "
                                    + "validation, the transaction's own code).",
                            one[0].meanMs(), one[0].meanMs() - appMean, appMean, one[1].meanMs(),
                            appMean - one[1].meanMs()));
                }
            }
            return b.append("\n\n").toString();
        }

        String whereRow(Run x, boolean api) {
            double n = Math.max(1, x.ok + x.measuredErrors);
            Double count = x.server.get("http_server_requests_seconds_count");
            Double sum = x.server.get("http_server_requests_seconds_sum");
            Double usage = x.server.get("hikaricp_connections_usage_seconds_sum");
            Double acquire = x.server.get("hikaricp_connections_acquire_seconds_sum");
            String appMean = api && count != null && count > 0 ? ms(sum / count * 1000) : "–";
            String held = api && usage != null ? ms(usage / n * 1000) : "–";
            String wait = api && acquire != null ? ms(acquire / n * 1000) : "–";
            double cap = x.cpu.wall() * Integer.parseInt(machineCores());
            String commits = x.db == null ? "–" : String.format(Locale.ROOT, "%.2f", x.db[0] / n);
            String buffers = x.db == null ? "–" : String.format(Locale.ROOT, "%.0f", x.db[2] / n);
            return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.2f / %.2f / %.2f | %s | %s |\n",
                    x.label, x.clients, ms(x.meanMs()), appMean, held, wait,
                    100 * x.cpu.app() / cap, 100 * x.cpu.postgres() / cap, 100 * x.cpu.bench() / cap,
                    100 * x.cpu.others() / cap, 100 * x.cpu.iowait() / cap,
                    1000 * x.cpu.app() / n, 1000 * x.cpu.postgres() / n, 1000 * x.cpu.bench() / n, commits, buffers);
        }

        String machineCores() {
            try {
                return Integer.toString(Integer.parseInt(machine.get("nproc")));
            } catch (RuntimeException e) {
                return Integer.toString(Runtime.getRuntime().availableProcessors());
            }
        }

        Run[] find(int clients) {
            return transitions.stream().filter(r -> r[0].clients == clients).findFirst().orElse(null);
        }
    }

    static String yes(boolean met) {
        return met ? "**yes**" : "**no**";
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f ms", v);
    }

    static String millions(long rows) {
        return rows >= 1_000_000
                ? String.format(Locale.ROOT, "%.1fM", rows / 1e6)
                : String.format(Locale.ROOT, "%,d", rows);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
    }

    static double percentileMs(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
    }

    // ------------------------------------------------------------------------------------------------ utilities

    static void writeDoc(Path doc, String section) throws IOException {
        writeDoc(doc, "## Core engine (issue 2)", section);
    }

    /** Replaces the section starting with {@code heading} (up to the next "## ") in the document, or appends it. */
    static void writeDoc(Path doc, String heading, String section) throws IOException {
        String text;
        if (Files.exists(doc)) {
            String old = Files.readString(doc);
            int at = old.indexOf(heading);
            if (at >= 0) {
                int next = old.indexOf("\n## ", at + heading.length());
                text = old.substring(0, at) + section.stripTrailing() + "\n" + (next < 0 ? "" : old.substring(next));
            } else {
                text = old.stripTrailing() + "\n\n" + section;
            }
        } else {
            text = "# Benchmarks\n\nPerformance figures and the commands that produced them. Re-run a section's "
                    + "command to refresh it; figures from different machines are not comparable.\n\n" + section;
        }
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, text.stripTrailing() + "\n");
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    static int intOf(ResultSet rs, int i) {
        try {
            return rs.getInt(i);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String strOf(ResultSet rs, int i) {
        try {
            return rs.getString(i);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    static void log(String message) {
        System.err.println("[bench " + java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
