package org.opsdesk.access.operators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessPermissions;
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
@Tag(name = "Operators")
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

    @RequiresPermission(AccessPermissions.OPERATORS_VIEW)
    @GetMapping
    @Operation(
            operationId = "listOperators",
            summary = "List operators",
            description = "Operators by username, in keyset pages; deleted ones only when asked.")
    @Parameter(name = "includeDeleted", description = "Also list deleted operators.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of operators.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.OperatorPage.class)))
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

    @RequiresPermission(AccessPermissions.OPERATORS_VIEW)
    @GetMapping("/{username}")
    @Operation(
            operationId = "getOperator",
            summary = "Read an operator",
            description = "The operator's profile, roles, state (enabled, locked, deleted, MFA) and timestamps.")
    OperatorResponse get(@PathVariable String username) {
        return response(administration.get(username));
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping(consumes = "application/json")
    @Operation(
            operationId = "createOperator",
            summary = "Create an operator",
            description =
                    "Creates an operator with a password and roles. Granting roles with permissions the caller does"
                            + " not hold is refused.")
    @ApiResponse(responseCode = "201", description = "The operator, created.")
    @ApiResponse(
            responseCode = "403",
            description = "`escalation-refused`: the roles grant more than the caller holds.")
    @ApiResponse(responseCode = "409", description = "`operator-exists`: the username is taken.")
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

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PutMapping(path = "/{username}", consumes = "application/json")
    @Operation(
            operationId = "updateOperator",
            summary = "Change an operator",
            description = "Changes the operator's profile and roles; absent fields stay as they are.")
    @ApiResponse(responseCode = "200", description = "The operator, changed.")
    @ApiResponse(
            responseCode = "403",
            description =
                    "`escalation-refused`: the roles grant more than the caller holds, or the caller changes their"
                            + " own roles.")
    @ApiResponse(responseCode = "409", description = "`last-admin`: the change would leave no enabled administrator.")
    OperatorResponse update(@PathVariable String username, @Valid @RequestBody UpdateOperator request, Actor actor) {
        return response(administration.update(
                username,
                new OperatorAdministration.OperatorDraft(
                        request.displayName(), request.email(), request.phone(), request.locale(), request.roles()),
                actor));
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/disable")
    @Operation(
            operationId = "disableOperator",
            summary = "Disable an operator",
            description = "The operator can no longer sign in; their sessions end.")
    @ApiResponse(responseCode = "200", description = "The operator, disabled.")
    @ApiResponse(responseCode = "403", description = "`escalation-refused`: operators cannot disable themselves.")
    @ApiResponse(responseCode = "409", description = "`last-admin`: the change would leave no enabled administrator.")
    OperatorResponse disable(@PathVariable String username, Actor actor) {
        return response(administration.disable(username, actor));
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/enable")
    @Operation(
            operationId = "enableOperator",
            summary = "Enable an operator",
            description = "Lets a disabled operator sign in again.")
    OperatorResponse enable(@PathVariable String username, Actor actor) {
        return response(administration.enable(username, actor));
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @DeleteMapping("/{username}")
    @Operation(
            operationId = "deleteOperator",
            summary = "Delete an operator",
            description = "Marks the operator deleted: they can no longer sign in; their name stays in history.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "403", description = "`escalation-refused`: operators cannot delete themselves.")
    @ApiResponse(responseCode = "409", description = "`last-admin`: the change would leave no enabled administrator.")
    ResponseEntity<Void> delete(@PathVariable String username, Actor actor) {
        administration.delete(username, actor);
        return ResponseEntity.noContent().build();
    }

    /**
     * Body optional: {@code {"password": "..."}}; without it a temporary password is generated and returned once.
     * Either way the operator must choose their own password at the next sign-in.
     */
    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/reset-password")
    @Operation(
            operationId = "resetOperatorPassword",
            summary = "Reset an operator's password",
            description =
                    "Sets the given password, or, without a body, generates a temporary one returned in this answer"
                            + " only.")
    @ApiResponse(
            responseCode = "200",
            description = "The operator, and the temporary password when one was generated.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.PasswordResetBody.class)))
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

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/reset-mfa")
    @Operation(
            operationId = "resetOperatorMfa",
            summary = "Reset an operator's second factor",
            description = "Removes the operator's authenticator; they enrol a new one at their next sign-in.")
    OperatorResponse resetMfa(@PathVariable String username, Actor actor) {
        return response(administration.resetMfa(username, actor));
    }

    @RequiresPermission(AccessPermissions.OPERATORS_MANAGE)
    @PostMapping("/{username}/unlock")
    @Operation(
            operationId = "unlockOperator",
            summary = "Lift an operator's sign-in locks",
            description = "Clears the account's lock (soft or hard) and its failed attempts from every address, so the"
                    + " operator may sign in again at once. Recorded in the security log as `account_unlocked`.")
    OperatorResponse unlock(@PathVariable String username, Actor actor) {
        return response(administration.unlock(username, actor));
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
            @NotNull String password, // PasswordPolicy bounds it (in bytes)
            @NotNull @Size(min = 1, max = 20, message = "give between 1 and 20 roles") List<@NotNull String> roles,
            @Nullable @Pattern(regexp = LOCALE, message = "one of en, pt-BR, nl, pl") String locale) {}

    record UpdateOperator(
            @Nullable @Size(min = 1, max = 128) @Pattern(regexp = TEXT, message = "no control characters")
                    String displayName,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Pattern(regexp = PHONE, message = "international format, e.g. +351912345678") String phone,
            @Nullable @Size(min = 1, max = 20, message = "give between 1 and 20 roles") List<@NotNull String> roles,
            @Nullable @Pattern(regexp = LOCALE, message = "one of en, pt-BR, nl, pl") String locale) {}

    record ResetPassword(@NotNull String password) {} // PasswordPolicy bounds it (in bytes)

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
