package org.opsdesk.bench.transitions;

import static org.opsdesk.bench.Bench.DATA;
import static org.opsdesk.bench.Bench.JSON;
import static org.opsdesk.bench.Bench.ROOT;
import static org.opsdesk.bench.Bench.log;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.ServerProbe;
import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.bench.load.ClosedLoop;
import org.opsdesk.bench.load.Errors;
import org.opsdesk.bench.load.OpenModel;
import org.opsdesk.bench.load.Run;
import org.opsdesk.bench.load.Wrk;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load phases: the JIT warm-up, transitions through the API against the same transaction as raw SQL,
 * creations, and the open model, with wrk or the Java clients sending the HTTP requests of the closed-loop runs.
 */
final class TransitionPhases {

    private static final Path TRANSITIONS_LUA = ROOT.resolve("bench/wrk/transitions.lua");
    private static final Path CREATE_LUA = ROOT.resolve("bench/wrk/create.lua");
    private static final int WARMUP_CLIENTS = 4;

    private final BenchConfig cfg;
    private final BenchApp app;
    private final PingIds ids;
    private final SeedFacts seed;
    private final RunResults results;
    private final ServerProbe probe;
    private final ClosedLoop loop;
    private final Wrk wrk;
    private final ApiTransitions apiTransitions;
    private final ApiCreations apiCreations;
    private RawTransitions raw;
    private int runs;

    TransitionPhases(BenchConfig cfg, BenchApp app, SeedFacts seed, ServerProbe probe, RunResults results) {
        this.cfg = cfg;
        this.app = app;
        this.seed = seed;
        this.ids = new PingIds(seed.pingIds);
        this.results = results;
        this.probe = probe;
        this.loop = new ClosedLoop(probe, cfg.warmup(), cfg.seconds());
        this.wrk = cfg.wrk() ? new Wrk(Wrk.find().orElseThrow(), probe, DATA.resolve("wrk")) : null;
        this.apiTransitions = new ApiTransitions(app, ids);
        this.apiCreations = new ApiCreations(new ApiRequests(app));
    }

    /**
     * Moves one operation through the API and takes its event as the template of the raw path's outbox payload;
     * then warms both JVMs' JIT on both endpoints and the raw path, unmeasured.
     */
    void prepare() throws Exception {
        try (var first = apiTransitions.worker(0, 1)) {
            first.step();
        }
        ObjectNode template;
        try (Connection db = app.connect();
                var ps = db.prepareStatement("select payload::text, octet_length(payload::text) from operations.outbox"
                        + " where operation_id = ? order by id desc limit 1")) {
            ps.setObject(1, ids.api[0]);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no outbox event after an API transition");
                }
                template = (ObjectNode) JSON.readTree(rs.getString(1));
                results.apiEventBytes = rs.getInt(2);
            }
        }
        raw = new RawTransitions(ids, template, seed.actorId, seed.actorName);
        int s = cfg.jitWarmup();
        if (s > 0) {
            log("JIT warm-up: " + s + " s of API transitions, " + s + " s of API creations (" + cfg.loadGenerator()
                    + ") and " + Math.min(s, 10) + " s of raw transitions, at " + WARMUP_CLIENTS
                    + " clients (not measured)");
            warmupErrors(
                    "API transitions",
                    wrk != null
                            ? wrk.warm(
                                    "jit-api",
                                    WARMUP_CLIENTS,
                                    s,
                                    TRANSITIONS_LUA,
                                    app.baseUrl(),
                                    transitionArgs(WARMUP_CLIENTS))
                            : ClosedLoop.warm(WARMUP_CLIENTS, s, c -> apiTransitions.worker(c, WARMUP_CLIENTS)));
            warmupErrors(
                    "API creations",
                    wrk != null
                            ? wrk.warm("jit-create", WARMUP_CLIENTS, s, CREATE_LUA, app.baseUrl(), createArgs())
                            : ClosedLoop.warm(WARMUP_CLIENTS, s, c -> apiCreations.worker(runId(), c)));
            warmupErrors(
                    "raw SQL", ClosedLoop.warm(WARMUP_CLIENTS, Math.min(s, 10), c -> raw.worker(c, WARMUP_CLIENTS)));
        }
    }

    private void warmupErrors(String what, Errors errors) {
        if (errors.total() > 0) {
            log("errors during the " + what + " JIT warm-up: " + errors.summary() + " " + errors.samples());
            results.warmupErrors.put(what, errors.summary() + " " + errors.samples());
        }
    }

    void transitions() throws Exception {
        for (int clients : cfg.clients()) {
            Run api = apiTransitionRun(clients);
            Run rawRun = loop.run("raw-sql", clients, c -> raw.worker(c, clients), ApiTransitions.URI, "POST");
            results.transitions.add(new Run[] {api, rawRun});
        }
        awaitOutbox();
    }

    private Run apiTransitionRun(int clients) throws Exception {
        if (wrk == null) {
            refreshStages();
            return loop.run("api", clients, c -> apiTransitions.worker(c, clients), ApiTransitions.URI, "POST");
        }
        if (cfg.warmup() > 0) {
            wrk.warm("api", clients, cfg.warmup(), TRANSITIONS_LUA, app.baseUrl(), transitionArgs(clients));
        }
        return wrk.run(
                "api",
                clients,
                cfg.seconds(),
                TRANSITIONS_LUA,
                app.baseUrl(),
                transitionArgs(clients),
                ApiTransitions.URI,
                "POST");
    }

    void creation() throws Exception {
        for (int clients : cfg.createClients()) {
            Run run;
            if (wrk == null) {
                String runId = runId();
                run = loop.run("create", clients, c -> apiCreations.worker(runId, c), ApiCreations.URI, "POST");
            } else {
                if (cfg.warmup() > 0) {
                    wrk.warm("create", clients, cfg.warmup(), CREATE_LUA, app.baseUrl(), createArgs());
                }
                run = wrk.run(
                        "create",
                        clients,
                        cfg.seconds(),
                        CREATE_LUA,
                        app.baseUrl(),
                        createArgs(),
                        ApiCreations.URI,
                        "POST");
            }
            results.creations.add(run);
        }
    }

    /** Transitions at fixed rates over {@code --open-connections} keep-alive connections (the Java client). */
    void open() throws Exception {
        refreshStages();
        var model = new OpenModel(probe, cfg.warmup(), cfg.seconds(), cfg.openConnections());
        if (model.connections() >= ids.api.length) {
            throw new IllegalStateException("the open model needs more API ids than connections");
        }
        for (int rate : cfg.openRates()) {
            results.open.add(model.run(rate, c -> apiTransitions.sender(), ApiTransitions.URI, "POST"));
        }
    }

    /** bench/wrk/transitions.lua's arguments: the ids file (written from the database's stages), its threads, the key. */
    private List<String> transitionArgs(int clients) throws Exception {
        // wrk drops the requests still in flight when its time is up, but the app completes them: give it a moment,
        // or the stages read now would miss the last moves and the next run would start with conflicts
        Thread.sleep(1000);
        refreshStages();
        Path file = ids.writeForWrk(DATA.resolve("wrk/api-ids.txt"));
        return List.of(file.toString(), Integer.toString(Wrk.threads(clients)), app.apiKey());
    }

    private List<String> createArgs() {
        return List.of("w" + runId(), app.apiKey());
    }

    private void refreshStages() throws Exception {
        try (Connection db = app.connect()) {
            ids.refresh(db);
        }
    }

    /** Unique per creation run (and per benchmark run): the references of its operations start with it. */
    private String runId() {
        return Long.toString(System.currentTimeMillis(), 36) + "-" + ++runs;
    }

    /** The raw path's events must be real enough for the app's outbox relay to publish them: wait up to 20 s. */
    private void awaitOutbox() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection db = app.connect();
                var ps = db.prepareStatement("select count(*) filter (where published_at is null), count(*),"
                        + " avg(octet_length(payload::text)) filter (where operation_id = any(?))"
                        + " from operations.outbox")) {
            ps.setArray(1, db.createArrayOf("uuid", ids.raw));
            while (true) {
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    results.outboxUnpublished = rs.getLong(1);
                    results.outboxRows = rs.getLong(2);
                    results.rawEventBytes = rs.getDouble(3);
                }
                if (results.outboxUnpublished == 0 || System.nanoTime() > deadline) {
                    return;
                }
                Thread.sleep(500);
            }
        }
    }
}
