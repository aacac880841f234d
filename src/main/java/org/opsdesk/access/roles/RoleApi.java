package org.opsdesk.access.roles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessPermissions;
import org.opsdesk.access.permissions.PermissionCatalog;
import org.opsdesk.access.permissions.PermissionCatalog.PermissionInfo;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/permissions} (the catalog) and {@code /api/v1/roles}. */
@Tag(name = "Roles")
@RestController
class RoleApi {

    static final String NAME = "[a-z][a-z0-9_-]{1,63}";
    private static final String PERMISSION = "[a-z0-9_.:*-]{1,200}"; // '.' for action:<entity>.<verb>

    private final RoleAdministration roles;
    private final PermissionCatalog catalog;

    RoleApi(RoleAdministration roles, PermissionCatalog catalog) {
        this.roles = roles;
        this.catalog = catalog;
    }

    @RequiresPermission(RequiresPermission.SIGNED_IN)
    @GetMapping(path = "/api/v1/permissions", produces = "application/json")
    @Operation(
            operationId = "listPermissions",
            summary = "List the permission catalog",
            description = "Every permission the application knows, with its group and what it allows.")
    @ApiResponse(
            responseCode = "200",
            description = "The catalog.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.PermissionList.class)))
    Map<String, List<PermissionInfo>> permissions() {
        return Map.of("items", catalog.all());
    }

    @RequiresPermission(AccessPermissions.ROLES_VIEW)
    @GetMapping(path = "/api/v1/roles", produces = "application/json")
    @Operation(
            operationId = "listRoles",
            summary = "List roles",
            description = "Every role, built-in and custom, with its permissions.")
    @ApiResponse(
            responseCode = "200",
            description = "The roles.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.RoleList.class)))
    Map<String, List<RoleResponse>> list() {
        return Map.of("items", roles.all().stream().map(RoleResponse::of).toList());
    }

    @RequiresPermission(AccessPermissions.ROLES_VIEW)
    @GetMapping(path = "/api/v1/roles/{name}", produces = "application/json")
    @Operation(
            operationId = "getRole",
            summary = "Read a role",
            description = "The role with its permissions and whether it needs a second factor.")
    RoleResponse get(@PathVariable String name) {
        return RoleResponse.of(roles.get(name));
    }

    @RequiresPermission(AccessPermissions.ROLES_MANAGE)
    @PostMapping(path = "/api/v1/roles", consumes = "application/json", produces = "application/json")
    @Operation(
            operationId = "createRole",
            summary = "Create a role",
            description = "Creates a custom role. Granting permissions the caller does not hold is refused.")
    @ApiResponse(responseCode = "201", description = "The role, created.")
    @ApiResponse(
            responseCode = "403",
            description = "`escalation-refused`: the role grants more than the caller holds.")
    @ApiResponse(responseCode = "409", description = "`role-exists`: the name is taken.")
    ResponseEntity<RoleResponse> create(@Valid @RequestBody CreateRole request, Actor actor) {
        var role = roles.create(
                new RoleAdministration.RoleDraft(
                        request.name(),
                        request.description() == null ? "" : request.description(),
                        Set.copyOf(request.permissions()),
                        Boolean.TRUE.equals(request.mfaRequired())),
                actor);
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.name()))
                .body(RoleResponse.of(role));
    }

    @RequiresPermission(AccessPermissions.ROLES_MANAGE)
    @PutMapping(path = "/api/v1/roles/{name}", consumes = "application/json", produces = "application/json")
    @Operation(
            operationId = "updateRole",
            summary = "Change a role",
            description = "Replaces the role's description, permissions and second-factor requirement; roles are not"
                    + " renamed.")
    @ApiResponse(responseCode = "200", description = "The role, changed.")
    @ApiResponse(
            responseCode = "403",
            description = "`escalation-refused`: the role grants more than the caller holds.")
    @ApiResponse(responseCode = "409", description = "`role-locked`: the role cannot be changed this way.")
    RoleResponse update(@PathVariable String name, @Valid @RequestBody UpdateRole request, Actor actor) {
        if (request.name() != null && !request.name().equals(name)) {
            throw InvalidInput.of("name", "roles cannot be renamed; the name in the body must match the address");
        }
        return RoleResponse.of(roles.update(
                name,
                new RoleAdministration.RoleDraft(
                        name,
                        request.description() == null ? "" : request.description(),
                        Set.copyOf(request.permissions()),
                        Boolean.TRUE.equals(request.mfaRequired())),
                actor));
    }

    @RequiresPermission(AccessPermissions.ROLES_MANAGE)
    @DeleteMapping(path = "/api/v1/roles/{name}")
    @Operation(
            operationId = "deleteRole",
            summary = "Delete a role",
            description = "Deletes a custom role nobody holds.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(
            responseCode = "409",
            description = "`role-built-in`: built-in roles stay; `role-in-use`: operators still hold it.")
    ResponseEntity<Void> delete(@PathVariable String name, Actor actor) {
        roles.delete(name, actor);
        return ResponseEntity.noContent().build();
    }

    record CreateRole(
            @NotNull @Pattern(regexp = NAME, message = "2-64 characters: lowercase letters, digits, '_' or '-'")
                    String name,
            @Nullable @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters")
                    String description,
            @NotNull @Size(max = 2000)
                    List<@NotNull @Pattern(regexp = PERMISSION, message = "not a permission name") String> permissions,
            @Nullable Boolean mfaRequired) {}

    record UpdateRole(
            @Nullable String name,
            @Nullable @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "no control characters")
                    String description,
            @NotNull @Size(max = 2000)
                    List<@NotNull @Pattern(regexp = PERMISSION, message = "not a permission name") String> permissions,
            @Nullable Boolean mfaRequired) {}

    record RoleResponse(
            String name,
            String description,
            Set<String> permissions,
            boolean mfaRequired,
            boolean builtIn,
            Instant createdAt,
            Instant updatedAt) {
        static RoleResponse of(Role role) {
            return new RoleResponse(
                    role.name(),
                    role.description(),
                    new TreeSet<>(role.permissions()),
                    role.mfaRequired(),
                    role.builtIn(),
                    role.createdAt(),
                    role.updatedAt());
        }
    }
}
