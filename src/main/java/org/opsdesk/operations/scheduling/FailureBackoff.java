package org.opsdesk.operations.scheduling;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a failed outbox event or timer is tried again, and when it is given up on: the first retry after {@code
 * opsdesk.scheduling.retry-delay} (30 s), each next one after twice the last, at most {@code
 * opsdesk.scheduling.max-retry-delay} (1 h); dead-lettered at the {@code opsdesk.scheduling.max-failures}th failure
 * (8, about two hours of trying).
 */
@Component
public class FailureBackoff {

    private final int maxFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;

    FailureBackoff(
            @Value("${opsdesk.scheduling.max-failures:8}") int maxFailures,
            @Value("${opsdesk.scheduling.retry-delay:PT30S}") Duration firstDelay,
            @Value("${opsdesk.scheduling.max-retry-delay:PT1H}") Duration maxDelay) {
        if (maxFailures < 1) {
            throw new IllegalStateException("opsdesk.scheduling.max-failures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** When to try again after {@code failures} failures in a row. */
    public Instant nextAttempt(int failures, Instant now) {
        Duration delay = firstDelay;
        for (int i = 1; i < failures && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    /** Whether an item that failed this many times in a row is given up on. */
    public boolean dead(int failures) {
        return failures >= maxFailures;
    }
}
