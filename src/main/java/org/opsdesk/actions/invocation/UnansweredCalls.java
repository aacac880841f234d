package org.opsdesk.actions.invocation;

import java.time.Clock;
import java.time.Duration;
import org.opsdesk.shared.PollingThread;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finishes the provider calls a node did not: an invocation is committed at {@code at_provider} before its call is
 * made, so a node that stops mid-call leaves it there with no answer and nothing polling for one. Every node looks,
 * every {@code opsdesk.actions.resend.poll-interval}, for an invocation handed over longer ago than {@code
 * opsdesk.actions.resend.after} (longer than any call may take) and never answered, claims it (the hand-over time
 * moved to now is the lease, so one node takes it), and sends it again with the same {@code Idempotency-Key}.
 */
@Component
class UnansweredCalls implements SmartLifecycle {

    private final PollingThread thread;

    UnansweredCalls(
            InvocationStore store,
            ProviderCall calls,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${opsdesk.actions.resend.poll-interval:PT30S}") Duration interval,
            @Value("${opsdesk.actions.resend.after:PT2M}") Duration after,
            @Value("${opsdesk.provider.total-timeout:PT15S}") Duration callLimit) {
        if (after.compareTo(callLimit.multipliedBy(2)) < 0) {
            throw new IllegalStateException(
                    "opsdesk.actions.resend.after must be at least twice opsdesk.provider.total-timeout");
        }
        var claims = new TransactionTemplate(transactions);
        this.thread = new PollingThread("action-resend", interval, () -> {
            var now = clock.instant();
            var claimed = claims.execute(s -> store.claimUnanswered(now.minus(after), now));
            if (claimed == null || claimed.isEmpty()) {
                return false;
            }
            calls.resend(claimed.get());
            return true;
        });
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }
}
