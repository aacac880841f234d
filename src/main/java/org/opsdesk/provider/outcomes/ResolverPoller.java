package org.opsdesk.provider.outcomes;

import java.time.Clock;
import java.time.Duration;
import org.opsdesk.provider.connector.ProviderSettings;
import org.opsdesk.shared.PollingThread;
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

    private final PollingThread thread;

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
        var worker = new ResolverWorker(ResolverWorker.defaultName(), store, resolver, clock, lease);
        this.thread = new PollingThread("provider-resolver", interval, worker::runOnce);
    }

    @Override
    public void start() {
        thread.start();
    }

    /** Stops claiming; the check in flight finishes first (bounded by the connector's attempt timeout). */
    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }
}
