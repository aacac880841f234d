package org.opsdesk.bench.exchange;

import static org.opsdesk.bench.Bench.DATA;
import static org.opsdesk.bench.Bench.ROOT;

import java.nio.file.Path;
import java.util.List;
import org.opsdesk.bench.app.BenchApp;
import org.opsdesk.bench.app.ServerProbe;
import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.bench.load.ClosedLoop;
import org.opsdesk.bench.load.Errors;
import org.opsdesk.bench.load.Run;
import org.opsdesk.bench.load.Wrk;
import org.opsdesk.bench.transitions.ApiCreations;

/**
 * The core API's operation-creation rate, the yardstick of the quote + accept target, measured as bench/run.sh's
 * {@code create} phase measures it: {@code POST /api/v1/operations} (a withdrawal of 125.50 EUR, unique references)
 * sent by wrk ({@code bench/wrk/create.lua}) when it is installed, else by the harness's Java clients.
 */
final class CoreCreations {

    private static final Path CREATE_LUA = ROOT.resolve("bench/wrk/create.lua");

    private final BenchApp app;
    private final Wrk wrk;
    private final ClosedLoop loop;
    private final ApiCreations java;
    private final int warmup;
    private final int seconds;
    private int runs;

    CoreCreations(BenchApp app, ServerProbe probe, boolean useWrk, int warmup, int seconds) {
        this.app = app;
        this.wrk = useWrk ? new Wrk(Wrk.find().orElseThrow(), probe, DATA.resolve("wrk")) : null;
        this.loop = new ClosedLoop(probe, warmup, seconds);
        this.java = new ApiCreations(new ApiRequests(app));
        this.warmup = warmup;
        this.seconds = seconds;
    }

    /** "wrk" or "java". */
    String generator() {
        return wrk == null ? "java" : "wrk";
    }

    /** Unmeasured creations (JIT warm-up); returns their errors. */
    Errors warm(int clients, int warmSeconds) throws Exception {
        return wrk != null
                ? wrk.warm("jit-create", clients, warmSeconds, CREATE_LUA, app.baseUrl(), args())
                : ClosedLoop.warm(clients, warmSeconds, c -> java.worker(runId(), c));
    }

    /** One measured run after {@code warmup} seconds of the same load. */
    Run run(int clients) throws Exception {
        if (wrk == null) {
            String runId = runId();
            return loop.run("create", clients, c -> java.worker(runId, c), ApiCreations.URI, "POST");
        }
        if (warmup > 0) {
            wrk.warm("create", clients, warmup, CREATE_LUA, app.baseUrl(), args());
        }
        return wrk.run("create", clients, seconds, CREATE_LUA, app.baseUrl(), args(), ApiCreations.URI, "POST");
    }

    private List<String> args() {
        return List.of("q" + runId(), app.apiKey());
    }

    /** Unique per run (and per benchmark run): the references of its operations start with it. */
    private String runId() {
        return Long.toString(System.currentTimeMillis(), 36) + "-" + ++runs;
    }
}
