package org.opsdesk.access.keys;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessPermissions;
import org.opsdesk.access.keys.ApiKeyStore.ApiKeyDetails;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/api-keys}: create (the secret appears in this answer only), list, read, revoke. */
@Tag(name = "API keys")
@RestController
@RequestMapping(path = "/api/v1/api-keys", produces = "application/json")
class ApiKeyApi {

    private final ApiKeyAdministration administration;
    private final Clock clock;

    ApiKeyApi(ApiKeyAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @RequiresPermission(AccessPermissions.APIKEYS_VIEW)
    @GetMapping
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "API keys, newest first, in keyset pages; never their secrets.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of keys.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.KeyPage.class)))
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "100") int limit) {
        Keyset.limit(limit);
        var after = Keyset.timeAndId(cursor);
        var page = administration.list(after == null ? null : after.at(), after == null ? null : after.id(), limit + 1);
        var items = page.stream().limit(limit).map(this::response).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items);
        body.put("nextCursor", page.size() > limit ? cursorAfter(page.get(limit - 1)) : null);
        return body;
    }

    @RequiresPermission(AccessPermissions.APIKEYS_VIEW)
    @GetMapping("/{id}")
    @Operation(
            operationId = "getApiKey",
            summary = "Read an API key",
            description = "The key's permissions, expiry, last use and state; never its secret.")
    KeyResponse get(@PathVariable UUID id) {
        return response(administration.get(id));
    }

    @RequiresPermission(AccessPermissions.APIKEYS_MANAGE)
    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "createApiKey",
            summary = "Create an API key",
            description =
                    "Creates a key with the given permissions, expiry and rate limit. The secret is in this answer"
                            + " only: store it now. Granting permissions the caller does not hold is refused.")
    @ApiResponse(
            responseCode = "201",
            description = "The key with its secret.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.CreatedKey.class)))
    @ApiResponse(responseCode = "403", description = "`escalation-refused`: the key would hold more than the caller.")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateKey request, Actor actor) {
        var created = administration.create(
                request.name(), request.permissions(), request.expiresAt(), request.rateLimitPerSecond(), actor);
        var key = response(created.key());
        var body = new LinkedHashMap<String, Object>();
        body.put("id", key.id());
        body.put("name", key.name());
        body.put("secret", created.secret());
        body.put("permissions", key.permissions());
        body.put("expiresAt", key.expiresAt());
        body.put("createdAt", key.createdAt());
        body.put("createdBy", key.createdBy());
        body.put("rateLimitPerSecond", key.rateLimitPerSecond());
        body.put("state", key.state());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id()))
                .body(body);
    }

    @RequiresPermission(AccessPermissions.APIKEYS_MANAGE)
    @DeleteMapping("/{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "The key stops working at once on every node; answers the revoked key.")
    KeyResponse revoke(@PathVariable UUID id, Actor actor) {
        return response(administration.revoke(id, actor));
    }

    private KeyResponse response(ApiKeyDetails key) {
        Instant now = clock.instant();
        String state = key.revokedAt() != null
                ? "revoked"
                : key.expiresAt() != null && !key.expiresAt().isAfter(now) ? "expired" : "active";
        return new KeyResponse(
                key.id(),
                key.name(),
                key.permissions(),
                key.expiresAt(),
                key.revokedAt(),
                key.createdAt(),
                key.createdBy(),
                key.lastUsedAt(),
                key.lastUsedIp(),
                key.rateLimitPerSecond(),
                state);
    }

    private static String cursorAfter(ApiKeyDetails key) {
        return new Keyset.TimeAndId(key.createdAt(), key.id()).cursor();
    }

    record CreateKey(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters")
                    String name,
            @NotNull @Size(min = 1, max = 2000, message = "give at least one permission")
                    List<@NotNull @Pattern(regexp = "[a-z0-9_.:*-]{1,200}", message = "not a permission name") String>
                            permissions,
            @Nullable Instant expiresAt,
            @Nullable @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100000)
                    Integer rateLimitPerSecond) {}

    record KeyResponse(
            UUID id,
            String name,
            List<String> permissions,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            Instant createdAt,
            String createdBy,
            @Nullable Instant lastUsedAt,
            @Nullable String lastUsedIp,
            @Nullable Integer rateLimitPerSecond,
            String state) {}
}
