package org.opsdesk.access.operators;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import org.jspecify.annotations.Nullable;
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

/** {@code /api/v1/operators}: the administration of operators. */
@RestController
@RequestMapping(path = "/api/v1/operators", produces = "application/json")
class OperatorApi {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,63}";
    static final String LOCALE = "en|pt-BR|nl|pl";
    static final String PHONE = "\\+[1-9][0-9]{6,14}";
    private static final String TEXT = "[^\\p{Cntrl}]*";

    private final OperatorAdministration administration;
    private final Clock clock;

    OperatorApi(OperatorAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @RequiresPermission("operators:view")
    @GetMapping
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "false") boolean includeDeleted) {
        Keyset.limit(limit);
        String after = cursor == null ? null : Keyset.parts(cursor, 1).get(0); // opaque: a username, encoded
        var page = administration.list(after, limit + 1, includeDeleted);
        var items = page.stream().limit(limit).map(this::response).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items);
        body.put(
                "nextCursor",
                page.size() > limit ? Keyset.cursor(items.get(limit - 1).username()) : null);
        return body;
    }

    @RequiresPermission("operators:view")
    @GetMapping("/{username}")
    OperatorResponse get(@PathVariable String username) {
        return response(administration.get(username));
    }

    @RequiresPermission("operators:manage")
    @PostMapping(consumes = "application/json")
    ResponseEntity<OperatorResponse> create(@Valid @RequestBody CreateOperator request, Actor actor) {
        var created = administration.create(
                request.username(),
                request.password(),
                new OperatorAdministration.OperatorDraft(
                        request.displayName(), request.email(), request.phone(), request.locale(), request.roles()),
                actor);
        return ResponseEntity.created(URI.create("/api/v1/operators/" + created.username()))
                .body(response(created));
    }

    @RequiresPermission("operators:manage")
    @PutMapping(path = "/{username}", consumes = "application/json")
    OperatorResponse update(@PathVariable String username, @Valid @RequestBody UpdateOperator request, Actor actor) {
        return response(administration.update(
                username,
                new OperatorAdministration.OperatorDraft(
                        request.displayName(), request.email(), request.phone(), request.locale(), request.roles()),
                actor));
    }

    @RequiresPermission("operators:manage")
    @PostMapping("/{username}/disable")
    OperatorResponse disable(@PathVariable String username, Actor actor) {
        return response(administration.disable(username, actor));
    }

    @RequiresPermission("operators:manage")
    @PostMapping("/{username}/enable")
    OperatorResponse enable(@PathVariable String username, Actor actor) {
        return response(administration.enable(username, actor));
    }

    @RequiresPermission("operators:manage")
    @DeleteMapping("/{username}")
    ResponseEntity<Void> delete(@PathVariable String username, Actor actor) {
        administration.delete(username, actor);
        return ResponseEntity.noContent().build();
    }

    /** Body optional: {@code {"password": "..."}}; without it a temporary password is generated and returned once. */
    @RequiresPermission("operators:manage")
    @PostMapping("/{username}/reset-password")
    Map<String, Object> resetPassword(
            @PathVariable String username,
            @Valid @RequestBody(required = false) @Nullable ResetPassword request,
            Actor actor) {
        var reset = administration.resetPassword(username, request == null ? null : request.password(), actor);
        var body = new LinkedHashMap<String, Object>();
        body.put("operator", response(reset.operator()));
        body.put("temporaryPassword", reset.temporaryPassword());
        return body;
    }

    @RequiresPermission("operators:manage")
    @PostMapping("/{username}/reset-mfa")
    OperatorResponse resetMfa(@PathVariable String username, Actor actor) {
        return response(administration.resetMfa(username, actor));
    }

    private OperatorResponse response(Operator operator) {
        Instant now = clock.instant();
        boolean locked =
                operator.lockedUntil() != null && operator.lockedUntil().isAfter(now);
        return new OperatorResponse(
                operator.username(),
                operator.displayName(),
                operator.email(),
                operator.phone(),
                operator.locale(),
                operator.roles(),
                operator.enabled(),
                operator.deleted(),
                operator.mfaEnabled(),
                locked,
                locked ? operator.lockedUntil() : null,
                operator.lastLoginAt(),
                operator.createdAt(),
                operator.updatedAt(),
                operator.deletedAt());
    }

    record CreateOperator(
            @NotNull
                    @Pattern(regexp = USERNAME, message = "3-64 characters: lowercase letters, digits, '.', '_' or '-'")
                    String username,
            @NotBlank @Size(max = 128) @Pattern(regexp = TEXT, message = "no control characters") String displayName,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Pattern(regexp = PHONE, message = "international format, e.g. +351912345678") String phone,
            @NotNull @Size(max = 128) String password,
            @NotNull @Size(min = 1, max = 20, message = "give between 1 and 20 roles") List<@NotNull String> roles,
            @Nullable @Pattern(regexp = LOCALE, message = "one of en, pt-BR, nl, pl") String locale) {}

    record UpdateOperator(
            @Nullable @Size(min = 1, max = 128) @Pattern(regexp = TEXT, message = "no control characters")
                    String displayName,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Pattern(regexp = PHONE, message = "international format, e.g. +351912345678") String phone,
            @Nullable @Size(min = 1, max = 20, message = "give between 1 and 20 roles") List<@NotNull String> roles,
            @Nullable @Pattern(regexp = LOCALE, message = "one of en, pt-BR, nl, pl") String locale) {}

    record ResetPassword(@NotNull @Size(max = 128) String password) {}

    record OperatorResponse(
            String username,
            String displayName,
            @Nullable String email,
            @Nullable String phone,
            String locale,
            List<String> roles,
            boolean enabled,
            boolean deleted,
            boolean mfaEnabled,
            boolean locked,
            @Nullable Instant lockedUntil,
            @Nullable Instant lastLoginAt,
            Instant createdAt,
            @Nullable Instant updatedAt,
            @Nullable Instant deletedAt) {}
}
