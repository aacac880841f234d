package org.opsdesk.notifications.delivery;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.webhooks.WebhookAdministration;
import org.opsdesk.notifications.webhooks.WebhookEndpoint;
import org.opsdesk.operations.StatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns each relayed {@link StatusChanged} into one pending webhook delivery per enabled endpoint subscribed to
 * it. A plain, synchronous listener on purpose: it runs inside the outbox relay's transaction, so the deliveries
 * commit together with the outbox rows marked published — or roll back with them and are created on the retry
 * (and the unique (event, channel, recipient) makes a repeat a no-op).
 */
@Component
class DeliveryCreation {

    private final WebhookAdministration webhooks;
    private final WebhookMessages messages;
    private final DeliveryStore deliveries;
    private final Clock clock;

    DeliveryCreation(WebhookAdministration webhooks, WebhookMessages messages, DeliveryStore deliveries, Clock clock) {
        this.webhooks = webhooks;
        this.messages = messages;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @EventListener
    void on(StatusChanged event) {
        var endpoints = webhooks.subscribers(StatusChanged.TYPE);
        if (endpoints.isEmpty()) {
            return;
        }
        String body = messages.statusChanged(event, false);
        for (WebhookEndpoint endpoint : endpoints) {
            webhook(event.eventId(), StatusChanged.TYPE, event.operation().id(), endpoint.id(), body, false);
        }
    }

    /** Stores a webhook delivery and answers its id; empty when this event already has one for the endpoint. */
    Optional<UUID> webhook(
            UUID eventId, String eventType, @Nullable UUID operationId, UUID endpointId, String body, boolean test) {
        UUID id = UUID.randomUUID();
        boolean inserted = deliveries.insert(
                id,
                eventId,
                eventType,
                operationId,
                Delivery.WEBHOOK,
                endpointId.toString(),
                messageId(eventId, endpointId),
                body,
                test,
                clock.instant());
        return inserted ? Optional.of(id) : Optional.empty();
    }

    /**
     * The {@code webhook-id}: derived from the event and the endpoint, so it is the same on every attempt and
     * resend and would be the same even if the delivery row were created twice.
     */
    static String messageId(UUID eventId, UUID endpointId) {
        return "msg_"
                + UUID.nameUUIDFromBytes((eventId + "/" + endpointId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");
    }
}
