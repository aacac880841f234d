package org.opsdesk.notifications.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.NotificationPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/webhooks}: register, read, change, enable/disable, delete endpoints and rotate their secrets. The
 * secret appears in the create and rotate answers only. Deliveries to an endpoint and simulated events are
 * served by {@code delivery.NotificationApi} under the same path.
 */
@Tag(name = "Webhooks")
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = "application/json")
class WebhookApi {

    private final WebhookAdministration administration;

    WebhookApi(WebhookAdministration administration) {
        this.administration = administration;
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_VIEW)
    @GetMapping
    @Operation(
            operationId = "listWebhooks",
            summary = "List webhook endpoints",
            description = "Registered endpoints, newest first, in keyset pages; never their secrets.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of endpoints.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.EndpointPage.class)))
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "100") int limit) {
        Keyset.limit(limit);
        var after = Keyset.timeAndId(cursor);
        var page = administration.list(after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.stream().limit(limit).toList());
        body.put("nextCursor", page.size() > limit ? cursorAfter(page.get(limit - 1)) : null);
        return body;
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_VIEW)
    @GetMapping("/{id}")
    @Operation(
            operationId = "getWebhook",
            summary = "Read a webhook endpoint",
            description = "The endpoint's URL, event types, owner and state; never its secret.")
    WebhookEndpoint get(@PathVariable UUID id) {
        return administration.get(id);
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "createWebhook",
            summary = "Register a webhook endpoint",
            description = "Registers an HTTPS endpoint for the given event types. The signing secret is in this answer"
                    + " only: store it now.")
    @ApiResponse(
            responseCode = "201",
            description = "The endpoint with its secret.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.EndpointWithSecret.class)))
    @ApiResponse(
            responseCode = "422",
            description = "`destination-refused`: the URL points where the application may not send.")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody EndpointRequest request, Actor actor) {
        var created = administration.create(
                request.url(),
                request.description(),
                request.ownerEmail(),
                request.eventTypes(),
                request.enabledOrDefault(),
                actor);
        return ResponseEntity.created(
                        URI.create("/api/v1/webhooks/" + created.endpoint().id()))
                .body(withSecret(created));
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(
            operationId = "updateWebhook",
            summary = "Change a webhook endpoint",
            description = "Replaces the endpoint's URL, description, owner, event types and state.")
    @ApiResponse(responseCode = "200", description = "The endpoint, changed.")
    @ApiResponse(
            responseCode = "422",
            description = "`destination-refused`: the URL points where the application may not send.")
    WebhookEndpoint update(@PathVariable UUID id, @Valid @RequestBody EndpointRequest request, Actor actor) {
        return administration.update(
                id,
                request.url(),
                request.description(),
                request.ownerEmail(),
                request.eventTypes(),
                request.enabledOrDefault(),
                actor);
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook endpoint",
            description = "Deletes the endpoint; nothing more is sent to it.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    ResponseEntity<Void> delete(@PathVariable UUID id, Actor actor) {
        administration.delete(id, actor);
        return ResponseEntity.noContent().build();
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/enable")
    @Operation(
            operationId = "enableWebhook",
            summary = "Enable a webhook endpoint",
            description = "Resumes deliveries to the endpoint.")
    WebhookEndpoint enable(@PathVariable UUID id, Actor actor) {
        return administration.enable(id, actor);
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/disable")
    @Operation(
            operationId = "disableWebhook",
            summary = "Disable a webhook endpoint",
            description = "Stops deliveries to the endpoint, with an optional reason.")
    WebhookEndpoint disable(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable DisableRequest request,
            Actor actor) {
        return administration.disable(id, request == null ? null : request.reason(), actor);
    }

    @RequiresPermission(NotificationPermissions.WEBHOOKS_MANAGE)
    @PostMapping("/{id}/rotate-secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate a webhook endpoint's secret",
            description = "Issues a new signing secret, shown in this answer only; deliveries are also signed with the"
                    + " previous one until `previousSecretExpiresAt`.")
    @ApiResponse(
            responseCode = "200",
            description = "The endpoint with its new secret.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.EndpointWithSecret.class)))
    Map<String, Object> rotateSecret(@PathVariable UUID id, Actor actor) {
        return withSecret(administration.rotateSecret(id, actor));
    }

    private static Map<String, Object> withSecret(WebhookAdministration.WithSecret answer) {
        WebhookEndpoint endpoint = answer.endpoint();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", endpoint.id());
        body.put("url", endpoint.url());
        body.put("description", endpoint.description());
        body.put("ownerEmail", endpoint.ownerEmail());
        body.put("eventTypes", endpoint.eventTypes());
        body.put("enabled", endpoint.enabled());
        body.put("secret", answer.secret());
        body.put("previousSecretExpiresAt", endpoint.previousSecretExpiresAt());
        body.put("createdAt", endpoint.createdAt());
        body.put("createdBy", endpoint.createdBy());
        body.put("updatedAt", endpoint.updatedAt());
        body.put("updatedBy", endpoint.updatedBy());
        return body;
    }

    private static String cursorAfter(WebhookEndpoint endpoint) {
        return new Keyset.TimeAndId(endpoint.createdAt(), endpoint.id()).cursor();
    }

    record EndpointRequest(
            @NotBlank @Size(max = 2000) String url,
            @Nullable @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters")
                    String description,
            @Nullable @Email @Size(max = 254) String ownerEmail,
            @Schema(
                            description = "The event types to deliver: `operation.status_changed` (creations and"
                                    + " moves), `operation.attributes_changed` (attribute edits, such as an exchange"
                                    + " order's rate), or `*` for all, including types added later.")
                    @NotNull
                    @Size(min = 1, max = 20, message = "give between 1 and 20 event types")
                    List<@NotNull String> eventTypes,
            @Nullable Boolean enabled) {

        boolean enabledOrDefault() {
            return enabled == null || enabled;
        }
    }

    record DisableRequest(@Nullable @Size(max = 500) String reason) {}
}
