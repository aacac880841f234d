package org.opsdesk.operations.lifecycle;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands committed {@link org.opsdesk.operations.StatusChanged} events to in-process listeners, in the same
 * transaction that marks them published: a listener that fails rolls the batch back and it is retried, and
 * several nodes share the outbox without relaying one event twice at once.
 */
@Component
class OutboxRelay {

    private static final int BATCH = 200;

    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxRelay(Outbox outbox, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${opsdesk.outbox.poll-interval}")
    void relay() {
        boolean more = true;
        while (more) {
            Integer relayed = transactions.execute(status -> {
                var pending = outbox.claim(BATCH);
                pending.forEach(p -> events.publishEvent(p.event()));
                if (!pending.isEmpty()) {
                    outbox.markPublished(
                            pending.stream().map(Outbox.Pending::id).toList(), clock.instant());
                }
                return pending.size();
            });
            more = relayed != null && relayed == BATCH;
        }
    }
}
