package org.opsdesk.operations.deadletters;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An outbox event or a timer given up on after repeated failures (see {@link
 * org.opsdesk.operations.scheduling.FailureBackoff}), as the dead letters page and API show it.
 *
 * @param kind {@code outbox} or {@code timer}
 * @param id the outbox event's number, or for a timer its operation's id
 * @param eventType the event's type (outbox only)
 * @param stage the stage whose timer failed (timers only)
 * @param failures the failed attempts in a row
 * @param deadSince when it was given up on
 */
public record DeadLetter(
        String kind,
        String id,
        UUID operationId,
        String operationType,
        @Nullable String eventType,
        @Nullable String stage,
        int failures,
        @Nullable String lastError,
        Instant deadSince) {}
