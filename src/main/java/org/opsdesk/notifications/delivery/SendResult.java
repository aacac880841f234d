package org.opsdesk.notifications.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What one attempt came to: sent, worth retrying, permanently refused, or skipped without sending. */
record SendResult(
        Kind kind,
        @Nullable Integer statusCode,
        long latencyMs,
        @Nullable String error,
        @Nullable String responseBody,
        @Nullable Duration retryAfter) {

    enum Kind {
        SENT,
        RETRY,
        PERMANENT,
        SKIPPED
    }

    static SendResult skipped(String why) {
        return new SendResult(Kind.SKIPPED, null, 0, why, null, null);
    }

    static SendResult permanent(String why) {
        return new SendResult(Kind.PERMANENT, null, 0, why, null, null);
    }
}
