package org.opsdesk.notifications.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.workflow.Status;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a webhook message: {@code {"type", "timestamp", "data": {"operation", "from", "to", "actor",
 * "reason", "override"}}} for {@code operation.status_changed}, {@code {"type", "timestamp", "data": {"operation",
 * "changed", "previous", "actor", "reason"}}} for {@code operation.attributes_changed} (the keys that changed and their
 * values before; the values after are in {@code operation.attributes}), plus {@code "test": true} for a simulated one. Built once, when the delivery is created, and stored
 * with it, so every retry and resend sends the same bytes.
 */
@Component
public class WebhookMessages {

    private final JsonMapper json;

    WebhookMessages(JsonMapper json) {
        this.json = json;
    }

    /** The body announcing the event: {@link StatusChanged} or {@link AttributesChanged}. */
    public String of(OperationEvent event, boolean test) {
        var data = new LinkedHashMap<String, Object>();
        data.put("operation", operation(event.operation()));
        if (event instanceof StatusChanged moved) {
            data.put("from", moved.fromStage() == null ? null : stage(moved.fromStage(), moved.fromStatus()));
            data.put("to", stage(moved.toStage(), moved.toStatus()));
        } else {
            var edit = (AttributesChanged) event;
            data.put("changed", edit.changed());
            data.put("previous", json.readTree(edit.previousJson()));
        }
        var actor = new LinkedHashMap<String, Object>();
        actor.put("kind", event.actorKind());
        actor.put("id", event.actorId());
        actor.put("name", event.actorName());
        data.put("actor", actor);
        data.put("reason", event.reason());
        if (event instanceof StatusChanged moved) {
            data.put("override", moved.override());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("type", event.eventType());
        body.put("timestamp", event.occurredAt().toString());
        if (test) {
            body.put("test", true);
        }
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    private Map<String, Object> operation(OperationSnapshot operation) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", operation.id().toString());
        map.put("type", operation.type());
        map.put("reference", operation.reference());
        map.put("subject", operation.subject());
        map.put("status", status(operation.status()));
        map.put("stage", operation.stage());
        if (operation.amount() != null) {
            map.put(
                    "amount",
                    Map.of(
                            "value", operation.amount().amount().toPlainString(),
                            "currency", operation.amount().currency().toString()));
        } else {
            map.put("amount", null);
        }
        map.put("assignee", operation.assignee());
        map.put("attributes", json.readTree(operation.attributesJson()));
        map.put("version", operation.version());
        map.put("createdAt", operation.createdAt().toString());
        map.put("updatedAt", operation.updatedAt().toString());
        map.put("stageEnteredAt", operation.stageEnteredAt().toString());
        map.put("dueAt", text(operation.dueAt()));
        return map;
    }

    private static Map<String, Object> stage(String stage, @Nullable Status status) {
        var map = new LinkedHashMap<String, Object>();
        map.put("stage", stage);
        map.put("status", status == null ? null : status(status));
        return map;
    }

    private static String status(Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static @Nullable String text(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }
}
