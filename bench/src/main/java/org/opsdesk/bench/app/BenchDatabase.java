package org.opsdesk.bench.app;

import static org.opsdesk.bench.Bench.DATA;
import static org.opsdesk.bench.Bench.ROOT;
import static org.opsdesk.bench.Bench.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opsdesk.bench.Machine;

/**
 * The app's PostgreSQL as the benchmark reaches it: by default the embedded one the app starts under
 * BENCH_DATA_DIR; with BENCH_DATABASE_URL (the JDBC URL of an EMPTY database) an external one, which issue 15 uses
 * to measure the API and the pgbench reference on the same cluster. BENCH_DATABASE_USER (postgres) and
 * BENCH_DATABASE_PASSWORD log in; BENCH_POSTMASTER_PID (its postmaster.pid) lets the CPU split count it.
 */
public final class BenchDatabase {

    private static final String EXTERNAL_URL = System.getenv("BENCH_DATABASE_URL");
    private static final String EXTERNAL_USER = System.getenv().getOrDefault("BENCH_DATABASE_USER", "postgres");
    private static final String EXTERNAL_PASSWORD = System.getenv("BENCH_DATABASE_PASSWORD");
    private static final String EXTERNAL_PID_FILE = System.getenv("BENCH_POSTMASTER_PID");

    private BenchDatabase() {}

    public static boolean external() {
        return EXTERNAL_URL != null && !EXTERNAL_URL.isBlank();
    }

    public static String externalUrl() {
        return EXTERNAL_URL;
    }

    /** What the report says about the database: the external URL, or the embedded one. */
    public static String describe() {
        return external() ? " (external: " + EXTERNAL_URL + ")" : " (embedded, zonky)";
    }

    /** The app's SPRING_DATASOURCE_* for the external database; empty for the embedded one. */
    static Map<String, String> appEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (external()) {
            env.put("SPRING_DATASOURCE_URL", EXTERNAL_URL);
            env.put("SPRING_DATASOURCE_USERNAME", EXTERNAL_USER);
            if (EXTERNAL_PASSWORD != null) {
                env.put("SPRING_DATASOURCE_PASSWORD", EXTERNAL_PASSWORD);
            }
        }
        return env;
    }

    /** A connection for seeding, facts and raw clients; statements may run up to {@code socketTimeoutSeconds}. */
    public static Connection connect(int socketTimeoutSeconds) throws SQLException {
        String url;
        try {
            url = external()
                    ? EXTERNAL_URL + (EXTERNAL_URL.contains("?") ? "&" : "?") + "user=" + EXTERNAL_USER
                            + (EXTERNAL_PASSWORD != null ? "&password=" + EXTERNAL_PASSWORD : "")
                    : "jdbc:postgresql://127.0.0.1:" + embeddedPort() + "/opsdesk?user=postgres";
        } catch (IOException e) {
            throw new SQLException("the embedded PostgreSQL's port is unknown", e);
        }
        return DriverManager.getConnection(
                url + "&ApplicationName=opsdesk-bench&connectTimeout=10&socketTimeout=" + socketTimeoutSeconds);
    }

    /** The postmaster's pid (embedded: from its postmaster.pid; external: from BENCH_POSTMASTER_PID's file). */
    public static long postmasterPid() throws IOException {
        Path pidFile = external()
                ? (EXTERNAL_PID_FILE == null ? null : Path.of(EXTERNAL_PID_FILE))
                : DATA.resolve("postgres/postmaster.pid");
        if (pidFile == null) {
            throw new IOException("BENCH_POSTMASTER_PID is not set: PostgreSQL's CPU is not counted");
        }
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    public static int embeddedPort() throws IOException {
        return Integer.parseInt(Files.readAllLines(DATA.resolve("postgres/postmaster.pid"))
                .get(3)
                .trim());
    }

    /** Stops a PostgreSQL still running on our data directory (only that one: pid from postmaster.pid). */
    static void stopLeftoverEmbedded() {
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
        if (handle.isEmpty() || !handle.get().info().commandLine().orElse("").contains("postgres")) {
            return;
        }
        log("PostgreSQL pid " + pid + " still runs on " + ROOT.relativize(DATA) + ": fast shutdown (SIGINT)");
        Machine.sh("kill", "-INT", Long.toString(pid));
        try {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log("PostgreSQL pid " + pid + " did not stop: SIGKILL");
            handle.get().destroyForcibly();
        }
    }
}
