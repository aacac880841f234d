package org.opsdesk.notifications.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.webhooks.WebhookAdministration;
import org.opsdesk.notifications.webhooks.WebhookEventTypes;
import org.opsdesk.notifications.webhooks.WebhookMessages;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.Permissions;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading deliveries and their attempts, resending one, and simulating an event for a webhook endpoint. A
 * delivery about an operation exists for a caller only when they may view that operation's type ({@code
 * <type>:view}): another's answers 404 and lists leave it out, whatever global permission the caller holds.
 * Deliveries about no operation (endpoint alerts, simulated events) are for every holder of the permission.
 */
@Service
public class DeliveryService {

    static final List<String> STATES = DeliveryState.codes();

    private final DeliveryStore store;
    private final DeliveryCreation creation;
    private final WebhookMessages messages;
    private final WebhookAdministration webhooks;
    private final Workflows workflows;
    private final Clock clock;

    DeliveryService(
            DeliveryStore store,
            DeliveryCreation creation,
            WebhookMessages messages,
            WebhookAdministration webhooks,
            Workflows workflows,
            Clock clock) {
        this.workflows = workflows;
        this.store = store;
        this.creation = creation;
        this.messages = messages;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public Delivery get(UUID id, Actor actor) {
        return store.find(id)
                .filter(delivery -> delivery.operationType() == null
                        || actor.may(OperationPermissions.view(delivery.operationType())))
                .orElseThrow(() -> notFound(id));
    }

    List<Attempt> attempts(UUID id, Actor actor) {
        get(id, actor);
        return store.attempts(id);
    }

    public List<Delivery> list(
            Actor actor,
            @Nullable UUID operationId,
            @Nullable String channel,
            @Nullable String recipient,
            @Nullable String state,
            @Nullable Instant beforeAt,
            @Nullable UUID beforeId,
            int limit) {
        if (state != null && !STATES.contains(state)) {
            throw InvalidInput.of("state", "must be one of " + String.join(", ", STATES));
        }
        var visibleTypes = actor.may(Permissions.ALL)
                ? null
                : workflows.all().stream()
                        .map(WorkflowDefinition::type)
                        .filter(type -> actor.may(OperationPermissions.view(type)))
                        .toList();
        return store.list(visibleTypes, operationId, channel, recipient, state, beforeAt, beforeId, limit);
    }

    /** Sends a delivery again with the same message id and body: now, with a fresh retry schedule. */
    @Transactional
    public Delivery resend(UUID id, Actor actor) {
        get(id, actor);
        if (!store.resend(id, clock.instant())) {
            throw new BeingSent(id);
        }
        return get(id, actor);
    }

    /** A simulated {@code eventType} for one endpoint (enabled or not), marked {@code "test": true}. */
    @Transactional
    public Delivery test(UUID endpointId, String eventType) {
        webhooks.get(endpointId);
        if (!WebhookEventTypes.SIMULATED.contains(eventType)) {
            throw InvalidInput.of("eventType", "must be one of " + String.join(", ", WebhookEventTypes.SIMULATED));
        }
        Instant now = clock.instant();
        UUID eventId = UUID.randomUUID();
        var operation = new OperationSnapshot(
                UUID.randomUUID(),
                "test",
                1,
                "TEST-" + eventId.toString().substring(0, 8),
                "simulated operation",
                Status.PENDING,
                "review",
                null,
                null,
                StatusChanged.TYPE.equals(eventType) ? "{}" : "{\"rate\":\"4.3100\"}",
                2,
                now,
                now,
                now,
                null);
        OperationEvent event = StatusChanged.TYPE.equals(eventType)
                ? new StatusChanged(
                        eventId,
                        now,
                        "new",
                        Status.PENDING,
                        "review",
                        Status.PENDING,
                        "system",
                        "webhook-test",
                        "webhook test",
                        "simulated event",
                        false,
                        operation)
                : new AttributesChanged(
                        eventId,
                        now,
                        "system",
                        "webhook-test",
                        "webhook test",
                        "simulated event",
                        List.of("rate"),
                        "{\"rate\":\"4.2900\"}",
                        operation);
        UUID id = creation.webhook(eventId, eventType, null, endpointId, messages.of(event, true), true)
                .orElseThrow(); // a fresh event id: never a duplicate
        return store.find(id).orElseThrow();
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("notification", id.toString());
    }

    /** 409: the delivery is being attempted right now. */
    static final class BeingSent extends ProblemException {
        BeingSent(UUID id) {
            super(
                    409,
                    "notification-being-sent",
                    "Notification being sent",
                    "notification " + id + " is being sent right now; try again when the attempt has finished");
        }
    }
}
