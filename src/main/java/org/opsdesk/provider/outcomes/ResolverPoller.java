package org.opsdesk.provider.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.opsdesk.provider.connector.ProviderSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's outcome resolver, run every {@code opsdesk.provider.resolver.poll-interval} on a thread of its own
 * (a slow provider must hold up neither the timers nor the outbox): it drains what is due, one claimed row at a
 * time. Every node runs one; the claims keep each row to one of them. A lifecycle, so it stops claiming before the
 * application shuts down.
 */
@Component
class ResolverPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResolverPoller.class);

    private final ResolverWorker worker;
    private final Duration interval;
    private @Nullable ScheduledExecutorService thread;
    private volatile boolean stopping;

    ResolverPoller(
            PendingOutcomeStore store,
            OutcomeResolver resolver,
            ProviderSettings settings,
            Clock clock,
            @Value("${opsdesk.provider.resolver.poll-interval:PT10S}") Duration interval,
            @Value("${opsdesk.provider.resolver.lease:PT1M}") Duration lease) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("opsdesk.provider.resolver.poll-interval must be positive");
        }
        if (lease.compareTo(settings.attemptTimeout().multipliedBy(2)) < 0) {
            throw new IllegalStateException(
                    "opsdesk.provider.resolver.lease must be at least twice opsdesk.provider.attempt-timeout");
        }
        this.interval = interval;
        this.worker = new ResolverWorker(ResolverWorker.defaultName(), store, resolver, clock, lease);
    }

    private void poll() {
        try {
            while (!stopping && !Thread.currentThread().isInterrupted() && worker.runOnce()) {
                // drain what is due before sleeping again
            }
        } catch (RuntimeException e) { // e.g. the database is briefly away: the claim lapses, try at the next tick
            log.warn("provider outcome poll failed", e);
        }
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        var started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var t = new Thread(runnable, "provider-resolver");
            t.setDaemon(true);
            return t;
        });
        started.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        thread = started;
    }

    /** Stops claiming; the check in flight finishes first (bounded by the connector's attempt timeout). */
    @Override
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

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
