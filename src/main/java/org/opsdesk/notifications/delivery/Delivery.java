package org.opsdesk.notifications.delivery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message to one recipient over one channel, as the API shows it (without the body).
 *
 * @param operationType the type of the operation it is about; null when about none (an endpoint alert, a test)
 * @param ruleId the notification rule that called for it; null for webhooks
 * @param sentBy who sent it by hand (a manual rule's notification); null when it went out by itself
 * @param edited for a manual send, whether the sender changed the rendered text; null otherwise
 * @param audience who the message is for, besides webhooks (null): {@code client}, {@code team}, {@code assignee}
 *     (rules), {@code alert} (the alert mailbox, told of a failed delivery), {@code endpoint_owner} (told of a
 *     disabled webhook endpoint), {@code security} (the security alert mailbox, told of a sign-in lock)
 */
public record Delivery(
        UUID id,
        UUID eventId,
        String eventType,
        @Nullable UUID operationId,
        @Nullable String operationType,
        String channel,
        String recipient,
        @Nullable String audience,
        String messageId,
        boolean test,
        DeliveryState state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant sentAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String ruleId,
        @Nullable SentBy sentBy,
        @Nullable Boolean edited) {

    public static final String WEBHOOK = "webhook";

    /** The principal who sent a manual notification, with the name it had then. */
    public record SentBy(String kind, String id, String name) {}
}
