package org.opsdesk.access.roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.permissions.PermissionCatalog;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Component;

/**
 * The roles seeded on first start. Desk roles get each type's manual moves by name rather than a wildcard, so
 * overrides of system and timer moves stay with supervisors; they send the manual notifications of the types they
 * work ({@code <type>:notify}), while types they only read stay read-only, and auditors send nothing. The
 * administrative permissions each role holds are the modules' own word ({@code PermissionContributor}). Seeded on
 * the first start and reconciled on every later one (missing grants added, none removed); otherwise they are data
 * that {@code roles:manage} edits (except {@code admin}, which always holds everything). Every role that approves,
 * moves money, exports or reads the security log requires a second factor; support, which only works tickets and
 * reads, does not.
 */
@Component
public class BuiltInRoles {

    private static final List<String> CASH_TYPES = List.of("deposit", "withdrawal", "exchange_order", "p2p_transfer");
    private static final List<String> SUPPORT_TYPES = List.of("support_ticket");
    // Support and compliance take back-office actions (action:<id>, granted by the catalog's declarations), so they
    // see the operations those invocations are: the action families' view.
    private static final List<String> SUPPORT_READS = List.of(
            "deposit",
            "withdrawal",
            "order",
            "reservation",
            "kyc_verification",
            "card_issuance",
            "exchange_order",
            "account_action",
            "party_action",
            "user_action");
    private static final List<String> COMPLIANCE_TYPES = List.of("kyc_verification", "account_block", "limit_change");
    private static final List<String> COMPLIANCE_READS = List.of(
            "deposit",
            "withdrawal",
            "p2p_transfer",
            "loan",
            "exchange_order",
            "card_issuance",
            "account_action",
            "party_action",
            "user_action",
            "record_action");
    private static final List<String> COMPLIANCE_APPROVALS =
            List.of("withdrawal", "p2p_transfer", "limit_change", "account_block", "loan", "account_action");

    private final PermissionCatalog catalog;
    private final RoleStore roles;
    private final SecurityLog securityLog;

    BuiltInRoles(PermissionCatalog catalog, RoleStore roles, SecurityLog securityLog) {
        this.catalog = catalog;
        this.roles = roles;
        this.securityLog = securityLog;
    }

    /** Seeds the built-in roles that do not exist yet; returns how many were created. */
    public int seed(Instant now) {
        int created = 0;
        for (Role role : definitions(now)) {
            if (roles.insert(role)) {
                roles.recordBuiltInGrants(role.name(), role.permissions(), now);
                created++;
            }
        }
        return created;
    }

    /**
     * Brings the built-in roles of an existing database up to this version: each built-in role that exists gets
     * the grants its definition has and it lacks — a module or type added since brings its permissions — unless
     * Opsdesk gave that grant before (then an administrator removed it on purpose, and that stays); nothing is
     * taken away, and custom roles are never touched. A role an administrator already covers with a wildcard ({@code deposit:*}) gets no redundant
     * name. Every change is written to the security log. Returns the roles changed.
     */
    public List<String> reconcile(Instant now) {
        var changed = new ArrayList<String>();
        for (Role definition : definitions(now)) {
            var existing = roles.lock(definition.name()).filter(Role::builtIn);
            if (existing.isEmpty() || existing.get().name().equals(Role.ADMIN)) {
                continue;
            }
            Role role = existing.get();
            var held = new Permissions(role.permissions());
            Set<String> givenBefore = roles.builtInGrants(role.name());
            var missing = new TreeSet<String>();
            definition.permissions().stream()
                    .filter(p -> !held.allows(p) && !givenBefore.contains(p))
                    .forEach(missing::add);
            // what the definition holds now counts as given, so a grant an administrator removes stays removed
            roles.recordBuiltInGrants(role.name(), definition.permissions(), now);
            if (missing.isEmpty()) {
                continue;
            }
            var permissions = new TreeSet<>(role.permissions());
            permissions.addAll(missing);
            roles.update(new Role(
                    role.name(), role.description(), permissions, role.mfaRequired(), true, role.createdAt(), now));
            securityLog.record(
                    "role.reconciled",
                    Actor.system("access:built-in-roles"),
                    "role:" + role.name(),
                    Map.of("added", List.copyOf(missing)));
            changed.add(role.name());
        }
        return changed;
    }

    List<Role> definitions(Instant now) {
        List<String> types = catalog.types();
        var supervisor = granted("supervisor");
        types.forEach(type -> supervisor.add(type + ":*"));

        var operator = granted("operator");
        types.forEach(type -> desk(operator, type));

        var cashier = granted("cashier");
        types.stream().filter(CASH_TYPES::contains).forEach(type -> desk(cashier, type));

        var support = granted("support");
        types.stream().filter(SUPPORT_TYPES::contains).forEach(type -> desk(support, type));
        types.stream().filter(SUPPORT_READS::contains).forEach(type -> support.add(OperationPermissions.view(type)));

        var compliance = granted("compliance");
        types.stream().filter(COMPLIANCE_TYPES::contains).forEach(type -> desk(compliance, type));
        types.stream()
                .filter(COMPLIANCE_READS::contains)
                .forEach(type -> compliance.add(OperationPermissions.view(type)));
        types.stream()
                .filter(COMPLIANCE_APPROVALS::contains)
                .forEach(type -> compliance.add(OperationPermissions.approve(type)));

        var auditor = granted("auditor");
        types.forEach(type -> auditor.add(OperationPermissions.view(type)));

        var all = new ArrayList<Role>();
        all.add(role("admin", "Administrators: every permission", Set.of(Permissions.ALL), true, now));
        all.add(role(
                "supervisor",
                "Desk supervisors: every action on every type, approvals, overrides",
                supervisor,
                true,
                now));
        all.add(role(
                "operator",
                "Back-office operators: view, create, claim and move operations of every type",
                operator,
                true,
                now));
        all.add(role("cashier", "Cashiers: deposits, withdrawals, exchange orders and transfers", cashier, true, now));
        all.add(role("support", "Customer support: tickets, and reading what clients ask about", support, false, now));
        all.add(role(
                "compliance",
                "Compliance: KYC, blocks and limits; second person on sensitive moves",
                compliance,
                true,
                now));
        all.add(role(
                "auditor",
                "Auditors: read-only everything, history, security log and exports included",
                auditor,
                true,
                now));
        return all;
    }

    /** The administrative permissions the modules give this built-in role. */
    private TreeSet<String> granted(String role) {
        var permissions = new TreeSet<String>();
        catalog.administrative().stream()
                .filter(definition -> definition.builtInRoles().contains(role))
                .forEach(definition -> permissions.add(definition.name()));
        return permissions;
    }

    private void desk(Set<String> permissions, String type) {
        permissions.add(OperationPermissions.view(type));
        permissions.add(OperationPermissions.create(type));
        permissions.add(OperationPermissions.update(type));
        permissions.add(OperationPermissions.claim(type));
        permissions.add(OperationPermissions.notify(type)); // the desk that works a type sends its notices
        permissions.add(OperationPermissions.comment(type)); // and writes internal comments on its history
        permissions.addAll(catalog.manualTransitionPermissions(type));
    }

    private static Role role(String name, String description, Set<String> permissions, boolean mfa, Instant now) {
        return new Role(name, description, permissions, mfa, true, now, now);
    }
}
