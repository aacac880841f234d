package org.opsdesk.operations.timers;

import java.time.Clock;
import java.util.UUID;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.lifecycle.OperationStore;
import org.opsdesk.operations.scheduling.DeadLetters;
import org.opsdesk.operations.scheduling.SchedulerThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due timer transitions, on a scheduler thread of its own ({@link SchedulerThreads#TIMERS}). The deadline
 * lives on the operation row, so timers survive restarts (one due while the app was down fires at the next poll)
 * and a row lock with SKIP LOCKED keeps two nodes from firing the same one. A timer that fails is retried with
 * back-off and, after repeated failures, dead-lettered and alerted on; the others fire on regardless.
 */
@Component
class TimerPoller {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);
    private static final int BATCH = 200;

    private final OperationStore store;
    private final OperationCommands operations;
    private final TimerFailures failures;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TimerPoller(
            OperationStore store,
            OperationCommands operations,
            TimerFailures failures,
            DeadLetters deadLetters,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.operations = operations;
        this.failures = failures;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${opsdesk.timers.poll-interval}", scheduler = SchedulerThreads.TIMERS)
    void fireDueTimers() {
        var due = store.dueTimers(clock.instant(), BATCH);
        for (var id : due) {
            try {
                operations.fireTimer(id);
                failures.clear(id);
            } catch (RuntimeException e) {
                failed(id, e);
            }
        }
    }

    // The failed firing rolled back; its failure is recorded in a transaction of its own.
    private void failed(UUID id, RuntimeException error) {
        String why = error.getClass().getSimpleName() + ": " + error.getMessage();
        try {
            var recorded = transactions.execute(s -> failures.record(id, why, clock.instant()));
            if (recorded != null && recorded.dead()) {
                deadLetters.deadLettered(DeadLetters.TIMER, id, recorded.failures(), why);
            } else {
                log.error("Timer of operation {} failed; it is tried again later", id, error);
            }
        } catch (RuntimeException recording) {
            log.error("Timer of operation {} failed, and so did recording it", id, recording);
        }
    }
}
