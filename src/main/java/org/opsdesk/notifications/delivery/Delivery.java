package org.opsdesk.notifications.delivery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message to one recipient over one channel, as the API shows it (without the body).
 *
 * @param audience who the message is for, besides webhooks (null): {@code client}, {@code team}, {@code assignee}
 *     (rules), {@code alert} (the alert mailbox, told of a failed delivery), {@code endpoint_owner} (told of a
 *     disabled webhook endpoint)
 */
public record Delivery(
        UUID id,
        UUID eventId,
        String eventType,
        @Nullable UUID operationId,
        String channel,
        String recipient,
        @Nullable String audience,
        String messageId,
        boolean test,
        String state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant sentAt,
        Instant createdAt,
        Instant updatedAt) {

    public static final String WEBHOOK = "webhook";
}
