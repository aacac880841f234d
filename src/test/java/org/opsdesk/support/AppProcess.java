package org.opsdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Opsdesk as a separate operating-system process started from the packaged jar, so tests can kill it the hard
 * way ({@code kill -9}) and start it again on the same data.
 */
public final class AppProcess implements AutoCloseable {

    private static final Pattern EMBEDDED_PORT = Pattern.compile("Embedded PostgreSQL on port (\\d+)");

    private final Process process;
    private final int port;
    private final Path log;
    private volatile boolean paused;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The secret key of applications on an external database in tests: base64 of 32 bytes. */
    public static final String TEST_SECRET_KEY = "b3BzZGVzay10ZXN0cy1zZWNyZXQta2V5LTMyLWJ5dGU=";

    /** Starts the app and returns once it answers readiness; fails with its log if it does not. */
    public static AppProcess start(Map<String, String> environment, Path log) {
        AppProcess app = launch(environment, log);
        app.awaitReady(Duration.ofSeconds(120));
        return app;
    }

    /** Starts the app without waiting; for starts that are expected to fail. */
    public static AppProcess launch(Map<String, String> environment, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar().toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        String external = System.getProperty("opsdesk.test.datasource.url", "");
        if (!external.isBlank()) {
            builder.environment().put("SPRING_DATASOURCE_URL", external);
            builder.environment()
                    .put(
                            "SPRING_DATASOURCE_USERNAME",
                            System.getProperty("opsdesk.test.datasource.username", "postgres"));
            builder.environment()
                    .put("SPRING_DATASOURCE_PASSWORD", System.getProperty("opsdesk.test.datasource.password", ""));
        }
        builder.environment().putAll(environment); // a test may point at a database of its own
        if (builder.environment().containsKey("SPRING_DATASOURCE_URL")) {
            // an external database needs a configured key (the start is refused otherwise); tests may set their own
            builder.environment().putIfAbsent("OPSDESK_SECRET_KEY", TEST_SECRET_KEY);
        }
        builder.environment().put("OPSDESK_PORT", Integer.toString(port));
        try {
            return new AppProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * On CI's external PostgreSQL, a new empty database of the calling test's own (so "empty" and "only my data"
     * hold there as they do on a fresh embedded data directory); its URL, for SPRING_DATASOURCE_URL.
     */
    public static String freshExternalDatabase(String prefix) {
        String url = System.getProperty("opsdesk.test.datasource.url");
        String name = prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (var connection = java.sql.DriverManager.getConnection(
                        url,
                        System.getProperty("opsdesk.test.datasource.username", "postgres"),
                        System.getProperty("opsdesk.test.datasource.password", ""));
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    public static boolean usesExternalDatabase() {
        return !System.getProperty("opsdesk.test.datasource.url", "").isBlank();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The operating-system process id; the delivery worker's name in the attempt log starts with it. */
    public long pid() {
        return process.pid();
    }

    /**
     * The port of the embedded PostgreSQL this app started (read from its log), so a second node can share its
     * database; the server listens on 127.0.0.1 and trusts the {@code postgres} user, as zonky initialises it.
     */
    public int embeddedDatabasePort() {
        var port = EMBEDDED_PORT.matcher(log());
        if (!port.find()) {
            throw new AssertionError("the app runs no embedded PostgreSQL\n" + log());
        }
        return Integer.parseInt(port.group(1));
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful anything. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the JVM freezes mid-whatever (a long GC pause, a stalled VM), holding its claims and sockets. */
    public void pause() throws InterruptedException {
        signal("STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}: the JVM carries on where it stopped, unaware that time has passed. */
    public void resume() throws InterruptedException {
        signal("CONT");
        paused = false;
    }

    private void signal(String name) throws InterruptedException {
        try {
            var kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the app did not exit within " + timeout + "\n" + log());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (paused && process.isAlive()) {
            resume(); // a stopped JVM would not act on SIGTERM
        }
        process.destroy(); // SIGTERM: graceful shutdown stops the embedded PostgreSQL too
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitReady(Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + " during start\n" + log());
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
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(250);
        }
        throw new AssertionError("the app was not ready within " + timeout + "\n" + log());
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("opsdesk.app.jar", "target/opsdesk.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: integration tests run after 'mvn package' (use 'mvn verify')");
        }
        return jar;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
