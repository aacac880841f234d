package org.opsdesk.actions.invocation;

import java.time.Clock;
import java.time.Duration;
import org.opsdesk.shared.PollingThread;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the provider calls no request makes itself, on a thread of its own and outside any transaction: the call of
 * an invocation approved by its checkers (handed over by the outbox relay's listener, which only marks it due, so a
 * slow provider holds up no other event), and the calls a node did not finish — an invocation is committed at {@code
 * at_provider} before its call is made, so a node that stops mid-call leaves it there with no answer. Every node
 * looks, every {@code opsdesk.actions.resend.poll-interval} (and at once after its relay marked a call due), for a
 * call that is due or was handed over longer ago than {@code opsdesk.actions.resend.after} (longer than any call may
 * take) and never answered, claims it (the hand-over time moved to now is the lease, so one node takes it), and sends
 * it with the operation id as its {@code Idempotency-Key}, so the provider acts once however often it is sent.
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
        this.thread = new PollingThread("action-calls", interval, () -> {
            var now = clock.instant();
            var claimed = claims.execute(s -> store.claimCall(now.minus(after), now));
            if (claimed == null || claimed.isEmpty()) {
                return false;
            }
            calls.send(claimed.get());
            return true;
        });
    }

    /** Looks for due calls as soon as the caller's transaction (which marked one due) has committed. */
    void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            thread.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                thread.wake();
            }
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
