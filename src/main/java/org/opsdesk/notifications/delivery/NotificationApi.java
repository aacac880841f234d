package org.opsdesk.notifications.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.NotificationPermissions;
import org.opsdesk.notifications.rules.NotificationChannel;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
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
@Tag(name = "Notifications")
@RestController
class NotificationApi {

    private final DeliveryService deliveries;

    NotificationApi(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @RequiresPermission(NotificationPermissions.NOTIFICATIONS_VIEW)
    @GetMapping(path = "/api/v1/notifications", produces = "application/json")
    @Operation(
            operationId = "listNotifications",
            summary = "List deliveries",
            description = "Deliveries of notifications by every channel, newest first, filtered, in keyset pages.")
    @Parameter(name = "operationId", description = "Only deliveries about this operation.")
    @Parameter(
            name = "channel",
            description = "Only deliveries by this channel.",
            schema = @Schema(allowableValues = {"email", "sms", "push", "webhook"}))
    @Parameter(
            name = "state",
            description = "Only deliveries in this state.",
            schema = @Schema(allowableValues = {"pending", "sending", "sent", "failed", "skipped"}))
    @ApiResponse(
            responseCode = "200",
            description = "A page of deliveries.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.DeliveryPage.class)))
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable UUID operationId,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") int limit,
            Actor actor) {
        return page(actor, operationId, channel, null, state, cursor, limit);
    }

    @RequiresPermission(NotificationPermissions.NOTIFICATIONS_VIEW)
    @GetMapping(path = "/api/v1/notifications/{id}", produces = "application/json")
    @Operation(
            operationId = "getNotification",
            summary = "Read a delivery",
            description = "The delivery with its state and every attempt to send it.")
    @ApiResponse(
            responseCode = "200",
            description = "The delivery and its attempts.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.DeliveryWithAttempts.class)))
    Map<String, Object> get(@PathVariable UUID id, Actor actor) {
        var body = new LinkedHashMap<String, Object>();
        body.put("notification", deliveries.get(id, actor));
        body.put("attempts", deliveries.attempts(id, actor));
        return body;
    }

    @RequiresPermission(NotificationPermissions.NOTIFICATIONS_MANAGE)
    @PostMapping(path = "/api/v1/notifications/{id}/resend", produces = "application/json")
    @Operation(
            operationId = "resendNotification",
            summary = "Resend a delivery",
            description = "Queues the delivery to be sent again; answers 202 with it, pending.")
    @ApiResponse(responseCode = "202", description = "The delivery, queued.")
    @ApiResponse(responseCode = "409", description = "`notification-being-sent`: it is being sent right now.")
    ResponseEntity<Delivery> resend(@PathVariable UUID id, Actor actor) {
        return ResponseEntity.accepted().body(deliveries.resend(id, actor));
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_VIEW)
    @GetMapping(path = "/api/v1/webhooks/{id}/deliveries", produces = "application/json")
    @Tag(name = "Webhooks")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List an endpoint's deliveries",
            description = "Deliveries to one webhook endpoint, newest first, in keyset pages.")
    @Parameter(
            name = "state",
            description = "Only deliveries in this state.",
            schema = @Schema(allowableValues = {"pending", "sending", "sent", "failed", "skipped"}))
    @ApiResponse(
            responseCode = "200",
            description = "A page of deliveries.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.DeliveryPage.class)))
    Map<String, Object> webhookDeliveries(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") int limit,
            Actor actor) {
        return page(actor, null, Delivery.WEBHOOK, id.toString(), state, cursor, limit);
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping(path = "/api/v1/webhooks/{id}/test", consumes = "application/json", produces = "application/json")
    @Tag(name = "Webhooks")
    @Operation(
            operationId = "testWebhook",
            summary = "Send a simulated event to an endpoint",
            description =
                    "Queues a simulated `operation.status_changed` or `operation.attributes_changed` event about a"
                            + " made-up operation to the endpoint,"
                            + " signed as real ones are; answers 202 with the pending delivery.")
    @ApiResponse(responseCode = "202", description = "The simulated delivery, queued.")
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
        if (channel != null && NotificationChannel.ofCode(channel).isEmpty()) {
            throw InvalidInput.of("channel", "must be one of email, sms, push, webhook");
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            List<String> parts = Keyset.parts(cursor, 2);
            try {
                beforeAt = Keyset.time(parts.get(0));
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

    record TestRequest(
            @Schema(
                            description = "The event type to simulate.",
                            allowableValues = {"operation.status_changed", "operation.attributes_changed"})
                    @NotBlank
                    String eventType) {}
}
