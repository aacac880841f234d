package org.opsdesk.notifications.delivery;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.OperatorContact;
import org.opsdesk.access.PrincipalPermissions;
import org.opsdesk.notifications.channels.OperatorMessaging;
import org.opsdesk.notifications.rules.Audience;
import org.opsdesk.notifications.rules.DeliveryMode;
import org.opsdesk.notifications.rules.NotificationMessages;
import org.opsdesk.notifications.rules.NotificationPlan;
import org.opsdesk.notifications.rules.NotificationRule;
import org.opsdesk.notifications.rules.NotificationRules;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.notifications.webhooks.WebhookAdministration;
import org.opsdesk.notifications.webhooks.WebhookEndpoint;
import org.opsdesk.notifications.webhooks.WebhookMessages;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.Permissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns each relayed {@link StatusChanged} and {@link AttributesChanged} into its deliveries: one pending webhook
 * delivery per enabled endpoint subscribed to its type whose registrant (the principal who created it) may view the operation's type now — an
 * endpoint carries subjects and amounts, so it sees no more than the person or key that registered it — and one delivery per (channel, recipient) for every <em>automatic</em> notification rule the
 * change matches ({@link NotificationRules#plan}); manual rules create nothing here — they are offered to the
 * operator, who sends them through {@link ManualNotifications}. A rule's message is rendered
 * now, once, in the recipient's language, and stored with the delivery, so every retry and resend sends the same
 * content even if templates, the client's language or the operation change meanwhile. A plain, synchronous
 * listener on purpose: it runs inside the outbox relay's transaction, so the deliveries commit together with the
 * outbox rows marked published — or roll back with them and are created on the retry (and the unique (event,
 * channel, recipient) makes a repeat a no-op).
 */
@Component
public class DeliveryCreation {

    private static final Logger log = LoggerFactory.getLogger(DeliveryCreation.class);

    private final WebhookAdministration webhooks;
    private final WebhookMessages messages;
    private final DeliveryStore deliveries;
    private final NotificationRules rules;
    private final NotificationMessages notificationMessages;
    private final OperatorMessaging operators;
    private final DeliveryAlerts alerts;
    private final PrincipalPermissions principals;
    private final Clock clock;

    /** A subscribed endpoint with what its registrant may do now. */
    private record Subscriber(WebhookEndpoint endpoint, Permissions registrant) {}

    DeliveryCreation(
            WebhookAdministration webhooks,
            WebhookMessages messages,
            DeliveryStore deliveries,
            NotificationRules rules,
            NotificationMessages notificationMessages,
            OperatorMessaging operators,
            DeliveryAlerts alerts,
            PrincipalPermissions principals,
            Clock clock) {
        this.principals = principals;
        this.webhooks = webhooks;
        this.messages = messages;
        this.deliveries = deliveries;
        this.rules = rules;
        this.notificationMessages = notificationMessages;
        this.operators = operators;
        this.alerts = alerts;
        this.clock = clock;
    }

    @EventListener
    void on(StatusChanged event) {
        deliver(event);
    }

    @EventListener
    void on(AttributesChanged event) {
        deliver(event);
    }

    private void deliver(OperationEvent event) {
        String view = OperationPermissions.view(event.operation().type());
        var endpoints = subscribersForThisRelayBatch(event.eventType()).stream()
                .filter(subscriber -> subscriber.registrant().allows(view))
                .map(Subscriber::endpoint)
                .toList();
        if (!endpoints.isEmpty()) {
            String body = messages.of(event, false);
            for (WebhookEndpoint endpoint : endpoints) {
                webhook(event.eventId(), event.eventType(), event.operation(), endpoint.id(), body, false);
            }
        }
        for (NotificationPlan plan : rules.plan(event)) {
            if (plan.mode() == DeliveryMode.AUTOMATIC && plan.audience() != Audience.WEBHOOKS) {
                var delivery = ruleDelivery(plan, event);
                if (deliveries.insert(delivery, clock.instant()) && delivery.state() == DeliveryState.FAILED) {
                    alerts.deliveryFailed(delivery.id(), event.operation()); // in the relay's transaction too
                }
            }
        }
    }

    /**
     * The relay hands over up to a batch of events in one transaction: the endpoints subscribed to each event type
     * and their registrants' permissions are read once per transaction and type, not once per event (the relay is
     * the path every status change takes).
     */
    @SuppressWarnings("unchecked")
    private List<Subscriber> subscribersForThisRelayBatch(String eventType) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return subscribers(eventType);
        }
        var cached = (Map<String, List<Subscriber>>) TransactionSynchronizationManager.getResource(this);
        if (cached == null) {
            cached = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, cached);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DeliveryCreation.this);
                }
            });
        }
        return cached.computeIfAbsent(eventType, this::subscribers);
    }

    private List<Subscriber> subscribers(String eventType) {
        var registrants = new java.util.HashMap<String, Permissions>();
        return webhooks.subscribers(eventType).stream()
                .map(endpoint -> new Subscriber(
                        endpoint, registrants.computeIfAbsent(endpoint.createdBy(), principals::current)))
                .toList();
    }

    /**
     * The delivery a rule's plan calls for. The recipient is the client's subject (its address and consent are
     * looked up when sending, through {@code clients}), the team mailbox's address, or the assignee's username.
     * Where there is nobody to send to — a team without a configured mailbox, an unassigned operation, an assignee
     * who is unknown, deleted, disabled or has no email address — the row is stored as {@code skipped} with the
     * reason rather than left out, so the operation's notifications say why nothing went out.
     *
     * <p>The assignee is looked up twice on purpose. Now, because the message is rendered now and must be in the
     * operator's own language, and because an operator who cannot be emailed is better recorded at once than
     * queued. And again when sending ({@link OperatorMessaging#email}), as clients are, because the address may
     * change or the operator be disabled before the attempt (or a resend days later); the recipient stays the
     * username, so the delivery is traceable to the operator whatever their address was.
     */
    private DeliveryStore.RuleDelivery ruleDelivery(NotificationPlan plan, OperationEvent event) {
        NotificationRule rule = plan.rule();
        String channel = rule.channel().code();
        String recipient = plan.recipientOrPlaceholder();
        String reason = plan.unsendable();
        DeliveryState state = reason == null ? DeliveryState.PENDING : DeliveryState.SKIPPED;
        RenderedMessage message = null;
        String locale = null;
        if (reason == null && rule.audience() == Audience.ASSIGNEE) {
            var assignee = operators.reach(recipient);
            reason = assignee.unreachable();
            state = reason == null ? state : DeliveryState.SKIPPED;
            locale = assignee.reachable().map(OperatorContact::locale).orElse(null);
        }
        if (reason == null) {
            try {
                message = locale == null
                        ? notificationMessages.compose(rule, event)
                        : notificationMessages.preview(rule, event, locale);
            } catch (RuntimeException e) { // a broken template must not hold up the outbox relay
                log.warn("rendering {} for event {} failed", rule.id(), event.eventId(), e);
                state = DeliveryState.FAILED;
                reason = "the message could not be rendered: " + e.getMessage();
            }
        }
        return new DeliveryStore.RuleDelivery(
                UUID.randomUUID(),
                event.eventId(),
                event.eventType(),
                event.operation().id(),
                event.operation().type(),
                channel,
                recipient,
                ruleMessageId(event.eventId(), channel, recipient),
                rule.id(),
                rule.audience().code(),
                message,
                state,
                reason,
                null,
                null);
    }

    /** The message id of a rule's delivery: derived from the event, channel and recipient, like a webhook's. */
    public static String ruleMessageId(UUID eventId, String channel, String recipient) {
        return "msg_"
                + UUID.nameUUIDFromBytes((eventId + "/" + channel + "/" + recipient)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString()
                        .replace("-", "");
    }

    /** Stores a webhook delivery and answers its id; empty when this event already has one for the endpoint. */
    Optional<UUID> webhook(
            UUID eventId,
            String eventType,
            @Nullable OperationSnapshot operation,
            UUID endpointId,
            String body,
            boolean test) {
        UUID id = UUID.randomUUID();
        boolean inserted = deliveries.insert(
                id,
                eventId,
                eventType,
                operation == null ? null : operation.id(),
                operation == null ? null : operation.type(),
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
