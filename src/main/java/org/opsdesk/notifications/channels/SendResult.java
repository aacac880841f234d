package org.opsdesk.notifications.channels;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one attempt to send, over any channel. Senders never retry; the delivery engine decides from
 * the outcome (and, for HTTP, from the status and {@code Retry-After}).
 *
 * @param detail why it was skipped or failed; from a channel sender, for a sent message, the provider's id of it
 * @param statusCode the HTTP status a webhook answered; null for other channels or when none came
 * @param latencyMs how long the attempt took; 0 when the sender did not time it
 * @param responseBody the start of what the receiver answered (for a sent message, the provider's id)
 * @param retryAfter how long the receiver asked to wait before the next attempt; null when it did not say
 */
public record SendResult(
        Outcome outcome,
        @Nullable String detail,
        @Nullable Integer statusCode,
        long latencyMs,
        @Nullable String responseBody,
        @Nullable Duration retryAfter) {

    public enum Outcome {
        /** Handed to the server or gateway, which accepted it. */
        SENT,
        /** Not attempted, by rule: no consent, no verified phone, no address. Not retried. */
        SKIPPED,
        /** Failed in a way that may pass: timeout, connection refused, 4xx SMTP, 5xx or 429 HTTP. Worth a retry. */
        FAILED_TRANSIENT,
        /** Failed in a way a retry cannot fix: refused recipient, bad credentials, a 4xx HTTP answer. */
        FAILED_PERMANENT
    }

    /** An outcome with its reason (or a sent message's id) only, as the channel senders answer. */
    public SendResult(Outcome outcome, @Nullable String detail) {
        this(outcome, detail, null, 0, null, null);
    }

    public static SendResult sent(@Nullable String id) {
        return new SendResult(Outcome.SENT, id);
    }

    public static SendResult skipped(String reason) {
        return new SendResult(Outcome.SKIPPED, reason);
    }

    public static SendResult transientFailure(String reason) {
        return new SendResult(Outcome.FAILED_TRANSIENT, reason);
    }

    public static SendResult permanentFailure(String reason) {
        return new SendResult(Outcome.FAILED_PERMANENT, reason);
    }

    /** Why the attempt did not send, or null when it did. */
    public @Nullable String error() {
        return outcome == Outcome.SENT ? null : detail;
    }
}
