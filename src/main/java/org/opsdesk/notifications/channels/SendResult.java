package org.opsdesk.notifications.channels;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one attempt to send. Senders never retry; the delivery engine decides from the outcome.
 *
 * @param detail why it was skipped or failed, or the provider's id of what was sent
 */
public record SendResult(Outcome outcome, @Nullable String detail) {

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
}
