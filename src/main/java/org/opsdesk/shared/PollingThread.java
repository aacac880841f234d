package org.opsdesk.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poller's thread of its own (a daemon named {@code name}), which every {@code interval} drains what is due —
 * {@link Drain#runOnce()} again and again until it says nothing more is — for the pollers that must not share a
 * scheduler with others (a slow receiver or provider must hold up neither the outbox nor the timers). A failing
 * round is logged and the next tick tries again; {@link #stop()} ends the drain after the round in flight, so a
 * backlog does not hold up a shutdown. Its owner is the Spring lifecycle and delegates to it.
 */
public final class PollingThread {

    /** One round of work; true when more may be due at once. */
    @FunctionalInterface
    public interface Drain {
        boolean runOnce() throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(PollingThread.class);

    private final String name;
    private final Duration interval;
    private final Drain drain;
    private @Nullable ScheduledExecutorService thread;
    private volatile boolean stopping;

    public PollingThread(String name, Duration interval, Drain drain) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a poll interval is positive");
        }
        this.name = name;
        this.interval = interval;
        this.drain = drain;
    }

    private void poll() {
        try {
            while (!stopping && !Thread.currentThread().isInterrupted() && drain.runOnce()) {
                // drain what is due before sleeping again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // e.g. the database is briefly away: try again at the next tick
            log.warn("{} poll failed", name, e);
        }
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        var started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
        started.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        thread = started;
    }

    /**
     * Drains now rather than at the next tick (e.g. once work was committed for it), on the poller's own thread, so
     * it never runs beside a scheduled round; does nothing when the poller is stopped.
     */
    public synchronized void wake() {
        var running = thread;
        if (running != null && !stopping) {
            running.execute(this::poll);
        }
    }

    /** Stops polling; the round in flight finishes first (each poller bounds its own rounds). */
    public synchronized void stop() {
        var running = thread;
        thread = null;
        if (running == null) {
            return;
        }
        stopping = true;
        running.shutdown();
        try {
            running.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean isRunning() {
        return thread != null;
    }
}
