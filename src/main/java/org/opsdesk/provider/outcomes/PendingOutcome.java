package org.opsdesk.provider.outcomes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider outcome the resolver keeps: pending while it waits for it, then resolved (done or failed), given up
 * on, or closed (its operation no longer waited for it).
 */
record PendingOutcome(
        UUID operationId,
        String actionId,
        State state,
        String why,
        int checksDone,
        @Nullable Instant nextCheckAt,
        @Nullable Instant lastCheckedAt,
        @Nullable String lastAnswer,
        @Nullable String resolution,
        @Nullable String resolvedBy,
        @Nullable Instant resolvedAt,
        Instant createdAt) {

    enum State {
        PENDING,
        RESOLVED,
        GAVE_UP,
        CLOSED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    boolean pending() {
        return state == State.PENDING;
    }
}
