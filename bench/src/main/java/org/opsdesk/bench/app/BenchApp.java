package org.opsdesk.bench.app;

import static org.opsdesk.bench.Bench.DATA;
import static org.opsdesk.bench.Bench.ROOT;
import static org.opsdesk.bench.Bench.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.opsdesk.bench.Bench;
import org.opsdesk.support.AppProcess;

/**
 * The packaged jar under benchmark, started through the tests' {@link AppProcess}: a copy of target/opsdesk.jar in
 * BENCH_DATA_DIR (a rebuild during the run cannot disturb it), a fresh embedded PostgreSQL there (or the external
 * database of {@link BenchDatabase}), the bench workflows, a bootstrap API key, no rate limit (neither the API keys'
 * nor the public endpoints'), 127.0.0.1 only.
 */
public final class BenchApp {

    private final String apiKey = "bench_" + HexFormat.of().formatHex(random(24));
    private final String scrapeToken = HexFormat.of().formatHex(random(24));
    private final Path logFile = DATA.resolve("app.log");
    private final List<String> javaOptions;
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private AppProcess process;
    private int port;
    private boolean stopped;

    /** {@code javaOptions}: the app JVM's options, blank-separated (BENCH_APP_JAVA_OPTS). */
    public BenchApp(String javaOptions) {
        this.javaOptions = Arrays.asList(javaOptions.trim().split("\\s+"));
    }

    /** With the options of BENCH_APP_JAVA_OPTS, or {@code dflt} when it is unset. */
    public static BenchApp fromEnvironment(String dflt) {
        return new BenchApp(System.getenv().getOrDefault("BENCH_APP_JAVA_OPTS", dflt));
    }

    /** More environment for the app (set before {@link #start} or {@link #restart}). */
    public Map<String, String> extraEnv() {
        return extraEnv;
    }

    /** Wipes BENCH_DATA_DIR, copies the jar in and starts the app on a free port. */
    public synchronized void start() throws Exception {
        Path jar = ROOT.resolve("target/opsdesk.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run bench/run.sh (it builds it)");
        }
        BenchDatabase.stopLeftoverEmbedded(); // a PostgreSQL left behind by an earlier run that was killed
        deleteRecursively(DATA);
        Files.createDirectories(DATA);
        Files.copy(jar, DATA.resolve("opsdesk.jar"));
        port = 0;
        launch();
    }

    /** Starts the freshly built jar on the data an earlier run left in BENCH_DATA_DIR, on a free port. */
    public synchronized void startOnExistingData() throws Exception {
        BenchDatabase.stopLeftoverEmbedded();
        Files.copy(
                ROOT.resolve("target/opsdesk.jar"), DATA.resolve("opsdesk.jar"), StandardCopyOption.REPLACE_EXISTING);
        port = 0;
        stopped = false;
        launch();
    }

    /** Stops the app gracefully and starts it again on the same data and port, with the current extraEnv. */
    public synchronized void restart() throws Exception {
        stop();
        stopped = false;
        launch();
    }

    private void launch() {
        Map<String, String> env = new LinkedHashMap<>(BenchDatabase.appEnvironment());
        if (BenchDatabase.external()) {
            // with an external database the app refuses to generate its own sealing key (other nodes could not
            // read what it sealed); one throwaway key per benchmark run is right for a single node
            env.put(
                    "OPSDESK_SECRET_KEY",
                    System.getenv()
                            .getOrDefault(
                                    "OPSDESK_SECRET_KEY", Base64.getEncoder().encodeToString(random(32))));
        }
        env.put("OPSDESK_DATA_DIR", DATA.toString());
        env.put("OPSDESK_WORKFLOWS_DIR", ROOT.resolve("bench/workflows").toString());
        env.put("OPSDESK_BOOTSTRAP_API_KEY", apiKey);
        env.put("OPSDESK_METRICS_SCRAPE_TOKEN", scrapeToken); // /actuator/prometheus answers only with it
        env.put("OPSDESK_DEMO", "false");
        env.put("OPSDESK_API_RATE_LIMIT_PER_SECOND", "1000000"); // measure the engine, not the limiter
        // the public rate files' one client sends thousands of requests a second from 127.0.0.1
        env.put("OPSDESK_PUBLIC_RATE_LIMIT_PER_SECOND", "1000000");
        env.put("OPSDESK_PUBLIC_RATE_LIMIT_BURST", "1000000");
        env.put("OPSDESK_ADMIN_PASSWORD", "bench-" + HexFormat.of().formatHex(random(12)));
        env.putAll(extraEnv);
        log("starting the app (data in " + ROOT.relativize(DATA) + ", log " + ROOT.relativize(logFile)
                + ", OPSDESK_DB_POOL_SIZE=" + System.getenv().getOrDefault("OPSDESK_DB_POOL_SIZE", "(default 20)")
                + ")");
        long t0 = System.nanoTime();
        process = AppProcess.launcher()
                .jar(DATA.resolve("opsdesk.jar"))
                .jvmOptions(javaOptions)
                .environment(env)
                .withoutInheritedDatabase()
                .log(logFile)
                .appendLog()
                .directory(ROOT)
                .port(port)
                .readinessTimeout(Duration.ofSeconds(240))
                .start();
        port = process.port();
        log(String.format(
                Locale.ROOT,
                "app ready on 127.0.0.1:%d after %.1f s (pid %d, PostgreSQL %s)",
                port,
                Bench.secondsSince(t0),
                process.pid(),
                postgresDescription()));
    }

    private static String postgresDescription() {
        if (BenchDatabase.external()) {
            return BenchDatabase.externalUrl();
        }
        try {
            return "pid " + BenchDatabase.postmasterPid() + ", port " + BenchDatabase.embeddedPort();
        } catch (IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM and wait up to 90 s (graceful shutdown stops the embedded PostgreSQL); then make sure it is gone. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (process != null && process.isAlive()) {
            log("stopping the app (SIGTERM to pid " + process.pid() + ")");
            try {
                int exit = process.stop(Duration.ofSeconds(90));
                log("app exited with " + (exit == -1 ? "(still alive!)" : exit));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        BenchDatabase.stopLeftoverEmbedded();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The bearer token /actuator/prometheus asks for. */
    public String scrapeToken() {
        return scrapeToken;
    }

    /** The app JVM's pid, 0 before the start. */
    public long pid() {
        return process == null ? 0 : process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> javaOptions() {
        return javaOptions;
    }

    /** For seeding and facts: long statements (VACUUM of a million rows) are expected. */
    public Connection connect() throws SQLException {
        return BenchDatabase.connect(1800);
    }

    public Connection connect(int socketTimeoutSeconds) throws SQLException {
        return BenchDatabase.connect(socketTimeoutSeconds);
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
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
}
