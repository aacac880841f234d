package org.opsdesk.access.roles;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opsdesk.access.AccessConflict;
import org.opsdesk.access.Grants;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.access.permissions.PermissionCatalog;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, edits and deletes roles. Nobody grants what they do not hold, nor edits a role that holds more than
 * they do; {@code admin} always holds everything; a role still given to operators cannot be deleted. Each
 * change is in the security log with the permissions before and after.
 */
@Service
public class RoleAdministration {

    /** What a caller asks a role to be. */
    public record RoleDraft(String name, String description, Set<String> permissions, boolean mfaRequired) {}

    private final RoleStore roles;
    private final OperatorStore operators;
    private final PermissionCatalog catalog;
    private final SecurityLog securityLog;
    private final Clock clock;

    RoleAdministration(
            RoleStore roles, OperatorStore operators, PermissionCatalog catalog, SecurityLog securityLog, Clock clock) {
        this.roles = roles;
        this.operators = operators;
        this.catalog = catalog;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    @Transactional
    public Role create(RoleDraft draft, Actor actor) {
        catalog.validate("permissions", draft.permissions());
        Grants.requireHeld(actor, draft.permissions());
        var now = clock.instant();
        var role =
                new Role(draft.name(), draft.description(), draft.permissions(), draft.mfaRequired(), false, now, now);
        if (!roles.insert(role)) {
            throw new AccessConflict("role-exists", "Role exists", "a role named '" + draft.name() + "' exists");
        }
        securityLog.record(
                SecurityEvents.ROLE_CREATED,
                actor,
                "role:" + role.name(),
                Map.of("permissions", new TreeSet<>(role.permissions()), "mfaRequired", role.mfaRequired()));
        return role;
    }

    @Transactional
    public Role update(String name, RoleDraft draft, Actor actor) {
        Role current = roles.lock(name).orElseThrow(() -> new NotFound("role", name));
        if (current.name().equals(Role.ADMIN)) {
            throw new AccessConflict(
                    "role-locked",
                    "Role locked",
                    "the admin role always holds every permission and requires MFA; create another role instead");
        }
        catalog.validate("permissions", draft.permissions());
        Grants.requireHeld(actor, current.permissions()); // no editing roles more powerful than oneself
        Grants.requireHeld(actor, draft.permissions());
        var updated = new Role(
                name,
                draft.description(),
                draft.permissions(),
                draft.mfaRequired(),
                current.builtIn(),
                current.createdAt(),
                clock.instant());
        roles.update(updated);
        securityLog.record(
                SecurityEvents.ROLE_UPDATED,
                actor,
                "role:" + name,
                Map.of(
                        "permissionsBefore",
                        new TreeSet<>(current.permissions()),
                        "permissionsAfter",
                        new TreeSet<>(updated.permissions()),
                        "mfaRequiredBefore",
                        current.mfaRequired(),
                        "mfaRequiredAfter",
                        updated.mfaRequired()));
        return updated;
    }

    @Transactional
    public void delete(String name, Actor actor) {
        Role current = roles.lock(name).orElseThrow(() -> new NotFound("role", name));
        if (current.builtIn()) {
            throw new AccessConflict(
                    "role-built-in",
                    "Built-in role",
                    "built-in roles cannot be deleted; edit its permissions or stop assigning it");
        }
        Grants.requireHeld(actor, current.permissions());
        long holders = operators.countWithRole(name);
        if (holders > 0) {
            throw new AccessConflict(
                            "role-in-use",
                            "Role in use",
                            "the role '" + name + "' is given to " + holders
                                    + " operator(s); take it away from them first")
                    .with("operators", holders);
        }
        roles.delete(name);
        securityLog.record(
                SecurityEvents.ROLE_DELETED,
                actor,
                "role:" + name,
                Map.of("permissions", new TreeSet<>(current.permissions())));
    }

    public List<Role> all() {
        return roles.all();
    }

    public Role get(String name) {
        return roles.find(name).orElseThrow(() -> new NotFound("role", name));
    }

    /** Checks that every named role exists; 422 naming the unknown ones. */
    public void requireExisting(String field, List<String> names) {
        var known = roles.findAll(names).stream().map(Role::name).toList();
        var unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw InvalidInput.of(field, "unknown role(s): " + String.join(", ", unknown));
        }
    }
}
