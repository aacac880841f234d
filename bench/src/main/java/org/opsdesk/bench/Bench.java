package org.opsdesk.bench;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.opsdesk.bench.app.BenchApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every benchmark shares: the repository root it runs from, its data directory (BENCH_DATA_DIR), its JSON
 * mapper and its log on stderr. The benchmarks are run from the repository root by the scripts in bench/.
 */
public final class Bench {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path DATA = ROOT.resolve(System.getenv().getOrDefault("BENCH_DATA_DIR", "target/bench-data"));

    private Bench() {}

    public static void log(String message) {
        System.err.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    public static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    /** Sleeps until {@code nanoTime} (System.nanoTime), in slices of at most 200 ms. */
    public static void sleepUntil(long nanoTime) throws InterruptedException {
        while (true) {
            long left = nanoTime - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    /** A JSON field's text, or null when it is absent or null. */
    public static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    /** The body of a benchmark's main: runs it, logs a failure with the app's last log lines, exits 0 or 1. */
    public static void exitAfter(BenchRun run, BenchApp app) {
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bench-cleanup"));
        int exit = 0;
        try {
            run.run();
        } catch (Throwable t) {
            log("FAILED: " + t);
            t.printStackTrace();
            log("app log: " + app.logFile() + "\n---- last lines of the app log ----\n" + app.tail(80));
            exit = 1;
        } finally {
            app.stop();
        }
        System.exit(exit);
    }

    /** A benchmark's work between the start and the stop of its app. */
    @FunctionalInterface
    public interface BenchRun {
        void run() throws Exception;
    }
}
