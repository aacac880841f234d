package org.opsdesk.notifications.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/notifications}: deliveries and their state, filtered by operation, channel and state, each with
 * its attempt log; resending one. And the delivery side of {@code /api/v1/webhooks/{id}}: its deliveries, and a
 * simulated event.
 */
@RestController
class NotificationApi {

    private final DeliveryService deliveries;

    NotificationApi(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @RequiresPermission("notifications:view")
    @GetMapping(path = "/api/v1/notifications", produces = "application/json")
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable UUID operationId,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") int limit,
            Actor actor) {
        return page(actor, operationId, channel, null, state, cursor, limit);
    }

    @RequiresPermission("notifications:view")
    @GetMapping(path = "/api/v1/notifications/{id}", produces = "application/json")
    Map<String, Object> get(@PathVariable UUID id, Actor actor) {
        var body = new LinkedHashMap<String, Object>();
        body.put("notification", deliveries.get(id, actor));
        body.put("attempts", deliveries.attempts(id, actor));
        return body;
    }

    @RequiresPermission("notifications:manage")
    @PostMapping(path = "/api/v1/notifications/{id}/resend", produces = "application/json")
    ResponseEntity<Delivery> resend(@PathVariable UUID id, Actor actor) {
        return ResponseEntity.accepted().body(deliveries.resend(id, actor));
    }

    @RequiresPermission("webhooks:view")
    @GetMapping(path = "/api/v1/webhooks/{id}/deliveries", produces = "application/json")
    Map<String, Object> webhookDeliveries(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") int limit,
            Actor actor) {
        return page(actor, null, Delivery.WEBHOOK, id.toString(), state, cursor, limit);
    }

    @RequiresPermission("webhooks:manage")
    @PostMapping(path = "/api/v1/webhooks/{id}/test", consumes = "application/json", produces = "application/json")
    ResponseEntity<Delivery> test(@PathVariable UUID id, @Valid @RequestBody TestRequest request) {
        return ResponseEntity.accepted().body(deliveries.test(id, request.eventType()));
    }

    private Map<String, Object> page(
            Actor actor,
            @Nullable UUID operationId,
            @Nullable String channel,
            @Nullable String recipient,
            @Nullable String state,
            @Nullable String cursor,
            int limit) {
        Keyset.limit(limit);
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            List<String> parts = Keyset.parts(cursor, 2);
            try {
                beforeAt = Instant.parse(parts.get(0));
                beforeId = UUID.fromString(parts.get(1));
            } catch (RuntimeException e) {
                throw Keyset.invalidCursor();
            }
        }
        var items = deliveries.list(actor, operationId, channel, recipient, state, beforeAt, beforeId, limit + 1);
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items.stream().limit(limit).toList());
        body.put(
                "nextCursor",
                items.size() > limit
                        ? Keyset.cursor(
                                items.get(limit - 1).createdAt(),
                                items.get(limit - 1).id())
                        : null);
        return body;
    }

    record TestRequest(@NotBlank String eventType) {}
}
