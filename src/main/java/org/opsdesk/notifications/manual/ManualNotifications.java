package org.opsdesk.notifications.manual;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;
import org.opsdesk.notifications.channels.ClientMessaging;
import org.opsdesk.notifications.channels.OperatorMessaging;
import org.opsdesk.notifications.delivery.Delivery;
import org.opsdesk.notifications.delivery.DeliveryCreation;
import org.opsdesk.notifications.delivery.DeliveryState;
import org.opsdesk.notifications.delivery.DeliveryStore;
import org.opsdesk.notifications.rules.Audience;
import org.opsdesk.notifications.rules.DeliveryMode;
import org.opsdesk.notifications.rules.NotificationMessages;
import org.opsdesk.notifications.rules.NotificationPlan;
import org.opsdesk.notifications.rules.NotificationRule;
import org.opsdesk.notifications.rules.NotificationRules;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.PermissionDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manual notification rules on the operation page: what the change that brought an operation into its current
 * stage offers, and what the latest edit of its attributes in that stage offers (rules with an {@code attributes}
 * trigger), previewed exactly as it would go out, and sending one — as rendered or as the operator edited it —
 * through the delivery engine (a pending delivery, stored before any attempt, that the workers send and retry).
 * The delivery row records who sent it and whether they edited it; its message can no longer change. One delivery
 * per (change, channel, recipient) holds here too: a second send for the same change is refused with the existing
 * delivery's id, which can be resent.
 */
@Service
class ManualNotifications {

    private static final Logger log = LoggerFactory.getLogger(ManualNotifications.class);

    private final OperationQueries operations;
    private final NotificationRules rules;
    private final NotificationMessages messages;
    private final ClientMessaging clientMessaging;
    private final OperatorMessaging operatorMessaging;
    private final DeliveryStore deliveries;
    private final Clock clock;

    ManualNotifications(
            OperationQueries operations,
            NotificationRules rules,
            NotificationMessages messages,
            ClientMessaging clientMessaging,
            OperatorMessaging operatorMessaging,
            DeliveryStore deliveries,
            Clock clock) {
        this.operations = operations;
        this.rules = rules;
        this.messages = messages;
        this.clientMessaging = clientMessaging;
        this.operatorMessaging = operatorMessaging;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Sending an operation type's manual notifications. */
    static String permission(String type) {
        return OperationPermissions.notify(type);
    }

    /**
     * Every manual rule the operation's latest status change matches, then every one its latest attribute edit in
     * this stage matches; "not found" for types the actor can't see.
     */
    @Transactional(readOnly = true)
    ManualOffer.Offers offers(UUID operationId, Actor actor) {
        var last = operations.lastStatusChange(operationId, actor);
        var edit = operations.lastEditInStage(operationId, actor);
        var items = new ArrayList<ManualOffer>();
        last.ifPresent(change -> manualPlans(change)
                .forEach(plan -> items.add(prepare(plan, change).offer())));
        edit.ifPresent(change -> manualPlans(change)
                .forEach(plan -> items.add(prepare(plan, change).offer())));
        String stage = last.map(StatusChanged::toStage)
                .orElseGet(() -> operations.get(operationId, actor).stage());
        return new ManualOffer.Offers(
                operationId, last.map(StatusChanged::eventId).orElse(null), stage, List.copyOf(items));
    }

    /**
     * Sends one of the operation's offered manual notifications, with the operator's edits if any, and answers the
     * pending delivery.
     *
     * @param offeredFor the change the caller's offer was for, if they say: refused when the operation moved (or,
     *     for an attribute rule, its attributes were edited again) since
     */
    @Transactional
    Delivery send(UUID operationId, String ruleId, @Nullable UUID offeredFor, MessageEdit edit, Actor actor) {
        boolean onAttributes =
                rules.rule(ruleId).map(NotificationRule::onAttributes).orElse(false);
        OperationEvent change = (onAttributes
                        ? operations.lastEditInStage(operationId, actor).map(OperationEvent.class::cast)
                        : operations.lastStatusChange(operationId, actor).map(OperationEvent.class::cast))
                .orElseThrow(() -> ManualRefusal.unavailable(
                        ruleId,
                        onAttributes
                                ? "the operation's attributes were not edited in its current stage, so there is no"
                                        + " change to notify about"
                                : "the status change that brought the operation into its stage is not kept, so"
                                        + " there is no change to notify about"));
        String permission = permission(change.operation().type());
        if (!actor.may(permission)) {
            throw new PermissionDenied(permission);
        }
        NotificationRule rule = manualRule(ruleId);
        edit.validate(rule.channel());
        if (offeredFor != null && !offeredFor.equals(change.eventId())) {
            throw ManualRefusal.outdated(offeredFor, change);
        }
        Prepared prepared = sendable(rule, change);
        RenderedMessage preview = Objects.requireNonNull(prepared.message(), "a sendable offer has its message");
        return store(change, prepared.offer(), edit.applyTo(preview, rule.channel()), actor);
    }

    /** The rule's offer for this change with its message, or why it cannot be sent. */
    private Prepared sendable(NotificationRule rule, OperationEvent change) {
        NotificationPlan plan = manualPlans(change).stream()
                .filter(p -> p.rule().id().equals(rule.id()))
                .findFirst()
                .orElseThrow(() -> ManualRefusal.notOffered(rule, change));
        Prepared prepared = prepare(plan, change);
        ManualOffer offer = prepared.offer();
        if (offer.deliveryId() != null) {
            throw ManualRefusal.alreadySent(rule.id(), offer.deliveryId());
        }
        if (!offer.available() || prepared.message() == null) {
            throw ManualRefusal.unavailable(rule.id(), String.valueOf(offer.unavailableReason()));
        }
        return prepared;
    }

    /** The pending delivery of what the operator sends, recording them as its sender. */
    private Delivery store(OperationEvent change, ManualOffer offer, MessageEdit.Result sent, Actor actor) {
        UUID id = UUID.randomUUID();
        var delivery = new DeliveryStore.RuleDelivery(
                id,
                change.eventId(),
                change.eventType(),
                change.operation().id(),
                change.operation().type(),
                offer.channel(),
                offer.recipient(),
                DeliveryCreation.ruleMessageId(change.eventId(), offer.channel(), offer.recipient()),
                offer.ruleId(),
                offer.audience(),
                sent.message(),
                DeliveryState.PENDING,
                null,
                new Delivery.SentBy(actor.kind().code(), actor.id(), actor.name()),
                sent.edited());
        if (!deliveries.insert(delivery, clock.instant())) { // someone sent it at the same moment
            var existing = deliveries
                    .find(change.eventId(), offer.channel(), offer.recipient())
                    .orElseThrow();
            throw ManualRefusal.alreadySent(offer.ruleId(), existing.id());
        }
        return deliveries.find(id).orElseThrow();
    }

    private NotificationRule manualRule(String ruleId) {
        NotificationRule rule = rules.rule(ruleId)
                .orElseThrow(() -> InvalidInput.of("ruleId", "no notification rule '" + ruleId + "'"));
        if (rule.mode() != DeliveryMode.MANUAL) {
            throw InvalidInput.of(
                    "ruleId", "rule '" + ruleId + "' is sent automatically; only manual rules are sent by hand");
        }
        return rule;
    }

    private List<NotificationPlan> manualPlans(OperationEvent change) {
        return rules.plan(change).stream()
                .filter(plan -> plan.mode() == DeliveryMode.MANUAL)
                .toList();
    }

    /** An offer and the message it shows; the message is null when the template could not be rendered. */
    private record Prepared(ManualOffer offer, @Nullable RenderedMessage message) {}

    private Prepared prepare(NotificationPlan plan, OperationEvent change) {
        NotificationRule rule = plan.rule();
        String channel = rule.channel().code();
        String recipient = plan.recipientOrPlaceholder();
        UUID existing = deliveries
                .find(change.eventId(), channel, recipient)
                .map(Delivery::id)
                .orElse(null);
        String reason = existing != null
                ? "already sent for this change (notification " + existing + ")"
                : unavailable(plan, recipient);
        RenderedMessage message = null;
        try {
            message = messages.compose(rule, change);
        } catch (RuntimeException e) { // shown as unavailable, not as a failed page
            log.warn("rendering {} for event {} failed", rule.id(), change.eventId(), e);
            reason = reason == null ? "the message could not be rendered: " + e.getMessage() : reason;
        }
        var offer = new ManualOffer(
                rule.id(),
                change.eventId(),
                channel,
                rule.audience().code(),
                recipient,
                message == null ? messages.locale(rule, change) : message.locale(),
                message == null ? null : message.subject(),
                message == null ? null : message.text(),
                message == null ? null : message.html(),
                reason == null,
                reason,
                existing);
        return new Prepared(offer, message);
    }

    /**
     * Why the plan cannot be sent now: nobody to send to, an operator without a usable address, or a client the
     * directory does not let us reach on the channel right now (the words the worker would record when skipping it).
     */
    private @Nullable String unavailable(NotificationPlan plan, String recipient) {
        String reason = plan.unsendable();
        if (reason == null && plan.audience() == Audience.ASSIGNEE) {
            return operatorMessaging.reach(recipient).unreachable();
        }
        if (reason != null || plan.audience() != Audience.CLIENT) {
            return reason;
        }
        return clientMessaging
                .refusal(recipient, Channel.ofCode(plan.channel().code()).orElseThrow())
                .orElse(null);
    }
}
