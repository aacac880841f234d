package org.opsdesk.operations.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.opsdesk.operations.scheduling.DeadLetters;
import org.opsdesk.operations.scheduling.FailureBackoff;
import org.opsdesk.operations.scheduling.SchedulerThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands committed {@link org.opsdesk.operations.StatusChanged} and {@link org.opsdesk.operations.AttributesChanged}
 * events (read by their {@code event_type}) to in-process listeners, in the same
 * transaction that marks them published, on a scheduler thread of its own ({@link SchedulerThreads#RELAY}).
 * Several nodes share the outbox without relaying one event twice at once (SKIP LOCKED). A batch goes in one
 * transaction; when one of its events fails (a listener throws, the payload cannot be read), the batch is relayed
 * again one event per transaction, so only the failing event waits: it is retried with back-off and, after
 * repeated failures, dead-lettered and alerted on. Events of the same operation after a failing one go on.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final FailureBackoff backoff;
    private final DeadLetters deadLetters;
    private final Clock clock;

    OutboxRelay(
            Outbox outbox,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            FailureBackoff backoff,
            DeadLetters deadLetters,
            Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.transactions = transactions;
        this.backoff = backoff;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${opsdesk.outbox.poll-interval}", scheduler = SchedulerThreads.RELAY)
    void relay() {
        boolean more = true;
        while (more) {
            List<Long> claimed = new ArrayList<>();
            try {
                Integer relayed = transactions.execute(status -> relayBatch(claimed));
                more = relayed != null && relayed == BATCH;
            } catch (RuntimeException batchFailed) {
                claimed.forEach(this::relayAlone);
                more = false; // the next poll goes on; a database that is down is not hammered in a loop
            }
        }
    }

    private int relayBatch(List<Long> claimed) {
        var now = clock.instant();
        var pending = outbox.claim(BATCH, now);
        pending.forEach(p -> claimed.add(p.id()));
        pending.forEach(p -> events.publishEvent(outbox.event(p)));
        if (!pending.isEmpty()) {
            outbox.markPublished(claimed, now);
        }
        return pending.size();
    }

    private void relayAlone(long id) {
        try {
            transactions.executeWithoutResult(status -> {
                var now = clock.instant();
                outbox.claim(id, now).ifPresent(p -> {
                    events.publishEvent(outbox.event(p));
                    outbox.markPublished(List.of(id), now);
                });
            });
        } catch (RuntimeException e) {
            failed(id, e);
        }
    }

    private void failed(long id, RuntimeException error) {
        String why = error.getClass().getSimpleName() + ": " + error.getMessage();
        try {
            Integer failures = transactions.execute(status -> {
                var now = clock.instant();
                int count = outbox.failures(id) + 1;
                outbox.markFailed(id, count, backoff.nextAttempt(count, now), why, backoff.dead(count) ? now : null);
                return count;
            });
            if (failures != null && backoff.dead(failures)) {
                deadLetters.deadLettered(DeadLetters.OUTBOX, id, failures, why);
            } else {
                log.error("Relaying outbox event {} failed; it is tried again later", id, error);
            }
        } catch (RuntimeException recording) {
            log.error("Relaying outbox event {} failed, and so did recording it", id, recording);
        }
    }
}
