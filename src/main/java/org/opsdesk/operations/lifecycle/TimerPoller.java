package org.opsdesk.operations.lifecycle;

import java.time.Clock;
import org.opsdesk.operations.Operations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires due timer transitions. The deadline lives on the operation row, so timers survive restarts (one due
 * while the app was down fires at the next poll) and a row lock with SKIP LOCKED keeps two nodes from firing
 * the same one.
 */
@Component
class TimerPoller {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);
    private static final int BATCH = 200;

    private final OperationStore store;
    private final Operations operations;
    private final Clock clock;

    TimerPoller(OperationStore store, Operations operations, Clock clock) {
        this.store = store;
        this.operations = operations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${opsdesk.timers.poll-interval}")
    void fireDueTimers() {
        var due = store.dueTimers(clock.instant(), BATCH);
        for (var id : due) {
            try {
                operations.fireTimer(id);
            } catch (RuntimeException e) {
                // One broken operation must not stop the others; it stays due and is retried next poll.
                log.error("Timer of operation {} failed", id, e);
            }
        }
    }
}
