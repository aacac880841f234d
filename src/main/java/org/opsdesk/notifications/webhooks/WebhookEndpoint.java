package org.opsdesk.notifications.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as stored, without its secrets.
 *
 * @param ownerEmail who is told when the endpoint is disabled after failing continuously (optional; without it
 *     the integrations mailbox is)
 */
public record WebhookEndpoint(
        UUID id,
        String url,
        @Nullable String description,
        @Nullable String ownerEmail,
        List<String> eventTypes,
        boolean enabled,
        @Nullable String disabledReason,
        @Nullable Instant previousSecretExpiresAt,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public boolean wants(String eventType) {
        return enabled && WebhookEventTypes.covers(eventTypes, eventType);
    }
}
