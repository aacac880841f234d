package org.opsdesk.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by an Opsdesk process that was killed: the embedded
 * server is started detached (via pg_ctl), so it outlives a {@code kill -9} of the JVM and keeps
 * {@code postmaster.pid}, which would make the next start fail. It is stopped with a fast shutdown (SIGINT) so
 * that it checkpoints, then more firmly if it does not go.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .ifPresent(process -> {
                    if (!servesDirectory(process, dataDirectory)) {
                        return; // the pid was reused by something else; PostgreSQL clears its own stale pid file
                    }
                    log.warn(
                            "A PostgreSQL server (pid {}) is still running on {} from an earlier Opsdesk process; stopping it",
                            process.pid(),
                            dataDirectory);
                    signal("INT", process); // fast shutdown: disconnects leftovers, checkpoints, removes postmaster.pid
                    if (!awaitExit(process)) {
                        process.destroy(); // SIGTERM: smart shutdown
                    }
                    if (!awaitExit(process)) {
                        log.warn(
                                "PostgreSQL pid {} did not stop; killing it (WAL recovery will run at start)",
                                process.pid());
                        process.destroyForcibly();
                        awaitExit(process);
                    }
                });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        String commandLine = process.info().commandLine().orElse("");
        return commandLine.contains("postgres") && commandLine.contains(dataDirectory.toString());
    }

    private static void signal(String signal, ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.debug("kill -{} not available: {}", signal, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
