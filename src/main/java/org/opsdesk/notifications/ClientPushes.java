package org.opsdesk.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;
import org.opsdesk.notifications.channels.ClientMessaging;
import org.opsdesk.notifications.delivery.Delivery;
import org.opsdesk.notifications.delivery.DeliveryCreation;
import org.opsdesk.notifications.delivery.DeliveryState;
import org.opsdesk.notifications.delivery.DeliveryStore;
import org.opsdesk.notifications.rules.NotificationChannel;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a push message an operator wrote, to one client of the directory, as a delivery of the delivery engine:
 * stored in the caller's transaction (so it exists exactly when the operation that asked for it commits), then
 * sent by the workers through the push gateway, retried on their schedule and logged per attempt, and listed with
 * the operation's deliveries. Nothing is sent over the network here. A client the directory does not let us reach
 * by push now (unknown, no push token, no consent or consent withdrawn) is recorded as a {@code skipped} delivery
 * with that reason rather than queued; the workers look the token and the consent up again when they send.
 *
 * <p>One delivery per (operation, client): asking again for the same pair answers the delivery already stored.
 * The delivery records the operator as its sender; its text is theirs, written for this message, so it is never
 * "edited" from a template.
 */
@Service
public class ClientPushes {

    /** The event type of these deliveries: a push message an action asked for. */
    public static final String EVENT_TYPE = "action.push_message";

    /** The stored language of an operator's own text, which no template rendered: "undetermined" (BCP 47). */
    private static final String WRITTEN_BY_HAND = "und";

    /**
     * What became of one client's push.
     *
     * @param deliveryId the delivery recording it (pending, or skipped)
     * @param skipped why it will not be sent ({@code push: no consent}); null when it was queued
     */
    public record Queued(String subject, UUID deliveryId, @Nullable String skipped) {

        public boolean queued() {
            return skipped == null;
        }
    }

    private final ClientMessaging clients;
    private final DeliveryStore deliveries;
    private final Clock clock;

    ClientPushes(ClientMessaging clients, DeliveryStore deliveries, Clock clock) {
        this.clients = clients;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * Queues the push for the client with this subject, about the operation that asks for it.
     *
     * @param operationId the operation the message is about (the action's invocation): its deliveries list it
     * @param operationType that operation's type (deliveries are read by those who may view it)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Queued queue(
            UUID operationId, String operationType, String subject, String title, String text, Actor sender) {
        UUID eventId = UUID.nameUUIDFromBytes(("push/" + operationId).getBytes(StandardCharsets.UTF_8));
        String channel = NotificationChannel.PUSH.code();
        var existing = deliveries.find(eventId, channel, subject);
        if (existing.isPresent()) {
            return queued(subject, existing.get());
        }
        String refusal = clients.refusal(subject, Channel.PUSH).orElse(null);
        var delivery = new DeliveryStore.RuleDelivery(
                UUID.randomUUID(),
                eventId,
                EVENT_TYPE,
                operationId,
                operationType,
                channel,
                subject,
                DeliveryCreation.ruleMessageId(eventId, channel, subject),
                null,
                "client",
                new RenderedMessage(WRITTEN_BY_HAND, title, text, null),
                refusal == null ? DeliveryState.PENDING : DeliveryState.SKIPPED,
                refusal,
                new Delivery.SentBy(sender.kind().code(), sender.id(), sender.name()),
                false);
        deliveries.insert(delivery, clock.instant()); // a concurrent insert of the same pair keeps its own row
        return queued(subject, deliveries.find(eventId, channel, subject).orElseThrow());
    }

    private static Queued queued(String subject, Delivery delivery) {
        return new Queued(
                subject,
                delivery.id(),
                delivery.state() == DeliveryState.SKIPPED
                        ? Objects.requireNonNullElse(delivery.lastError(), "skipped")
                        : null);
    }
}
