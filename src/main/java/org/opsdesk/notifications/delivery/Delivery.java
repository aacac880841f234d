package org.opsdesk.notifications.delivery;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One message to one recipient over one channel, as the API shows it (without the body). */
public record Delivery(
        UUID id,
        UUID eventId,
        String eventType,
        @Nullable UUID operationId,
        String channel,
        String recipient,
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
