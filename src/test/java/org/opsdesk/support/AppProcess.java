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
import java.util.LinkedHashMap;
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
        return launcher().environment(environment).log(log).start();
    }

    /** Starts the app without waiting; for starts that are expected to fail. */
    public static AppProcess launch(Map<String, String> environment, Path log) {
        return launcher().environment(environment).log(log).launch();
    }

    /** How to start the app when the defaults of {@link #start} do not fit (the benchmarks use it). */
    public static Launcher launcher() {
        return new Launcher();
    }

    /**
     * The options of one start: the jar, JVM options, environment, log file, port and working directory. By
     * default the jar of {@code opsdesk.app.jar} (target/opsdesk.jar), {@link #TEST_JVM_OPTIONS}, a free port, the
     * test database of {@code opsdesk.test.datasource.url} when one is set, and a log written afresh.
     */
    public static final class Launcher {
        private Path jar;
        /**
         * A test's process lives for seconds to minutes and does little work after its start: the C1 compiler alone
         * and the serial collector halve the CPU a start costs (25 → 12 CPU-s measured on the 2-core CI machine,
         * 12.5 → 9 s to "Started"), CPU the other tests running beside it need. Benchmarks pass their own options.
         */
        static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

        private List<String> jvmOptions = TEST_JVM_OPTIONS;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path log;
        private boolean appendLog;
        private Path directory;
        private int port;
        private boolean testDatabase = true;
        private Duration readiness = Duration.ofSeconds(120);

        private Launcher() {}

        public Launcher jar(Path jar) {
            this.jar = jar;
            return this;
        }

        public Launcher jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** Added to the inherited environment; later calls add to (and override) earlier ones. */
        public Launcher environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Launcher log(Path log) {
            this.log = log;
            return this;
        }

        /** Appends to the log instead of truncating it: a restart keeps the first life's lines. */
        public Launcher appendLog() {
            this.appendLog = true;
            return this;
        }

        public Launcher directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** A fixed port (a restart keeps its clients' URL); 0, the default, picks a free one. */
        public Launcher port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Neither the tests' database nor any SPRING_DATASOURCE_* inherited from the caller's environment: the app
         * uses its embedded PostgreSQL unless {@link #environment} names a database.
         */
        public Launcher withoutInheritedDatabase() {
            this.testDatabase = false;
            return this;
        }

        public Launcher readinessTimeout(Duration timeout) {
            this.readiness = timeout;
            return this;
        }

        /** Starts the app and returns once it answers readiness; fails with its log if it does not. */
        public AppProcess start() {
            AppProcess app = launch();
            try {
                app.awaitReady(readiness);
            } catch (AssertionError | RuntimeException notReady) {
                // the caller never gets the process to close: stop it here, or it outlives the test run
                try {
                    app.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw notReady;
            }
            return app;
        }

        /** Starts the app without waiting for it. */
        public AppProcess launch() {
            if (log == null) {
                throw new IllegalStateException("no log file given");
            }
            int chosen = port == 0 ? freePort() : port;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add((jar == null ? defaultJar() : jar).toString());
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            appendLog
                                    ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                    : ProcessBuilder.Redirect.to(log.toFile()));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            var env = builder.environment();
            String external = System.getProperty("opsdesk.test.datasource.url", "");
            if (!testDatabase) {
                env.keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE"));
            } else if (!external.isBlank()) {
                env.put("SPRING_DATASOURCE_URL", external);
                env.put(
                        "SPRING_DATASOURCE_USERNAME",
                        System.getProperty("opsdesk.test.datasource.username", "postgres"));
                env.put("SPRING_DATASOURCE_PASSWORD", System.getProperty("opsdesk.test.datasource.password", ""));
            }
            env.putAll(environment); // a test may point at a database of its own
            if (env.containsKey("SPRING_DATASOURCE_URL")) {
                // an external database needs a configured key (the start is refused otherwise); callers may set theirs
                env.putIfAbsent("OPSDESK_SECRET_KEY", TEST_SECRET_KEY);
            }
            env.put("OPSDESK_PORT", Integer.toString(chosen));
            try {
                return new AppProcess(builder.start(), chosen, log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The log file the app writes (stdout and stderr). */
    public Path logFile() {
        return log;
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
        stop(Duration.ofSeconds(60));
    }

    /**
     * SIGTERM (graceful shutdown stops the embedded PostgreSQL too), then SIGKILL if the app has not exited within
     * {@code grace}; returns its exit value, or -1 if it is still alive after that.
     */
    public int stop(Duration grace) throws InterruptedException {
        if (paused && process.isAlive()) {
            resume(); // a stopped JVM would not act on SIGTERM
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.isAlive() ? -1 : process.exitValue();
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

    private static Path defaultJar() {
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
