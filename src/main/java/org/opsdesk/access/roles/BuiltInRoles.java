package org.opsdesk.access.roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opsdesk.access.permissions.PermissionCatalog;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Component;

/**
 * The roles seeded on first start. Desk roles get each type's manual moves by name rather than a wildcard, so
 * overrides of system and timer moves stay with supervisors; they send the manual notifications of the types they
 * work ({@code <type>:notify}), while types they only read stay read-only, and auditors send nothing. Seeded once: after that they are data that
 * {@code roles:manage} edits (except {@code admin}, which always holds everything). Every role that approves,
 * moves money, exports or reads the security log requires a second factor; support, which only works tickets and
 * reads, does not.
 */
@Component
public class BuiltInRoles {

    private static final List<String> CASH_TYPES = List.of("deposit", "withdrawal", "exchange_order", "p2p_transfer");
    private static final List<String> SUPPORT_TYPES = List.of("support_ticket");
    private static final List<String> SUPPORT_READS =
            List.of("deposit", "withdrawal", "order", "kyc_verification", "card_issuance", "exchange_order");
    private static final List<String> COMPLIANCE_TYPES = List.of("kyc_verification", "account_block", "limit_change");
    private static final List<String> COMPLIANCE_READS =
            List.of("deposit", "withdrawal", "p2p_transfer", "loan", "exchange_order", "card_issuance");
    private static final List<String> COMPLIANCE_APPROVALS =
            List.of("withdrawal", "p2p_transfer", "limit_change", "account_block", "loan");

    private final PermissionCatalog catalog;
    private final RoleStore roles;

    BuiltInRoles(PermissionCatalog catalog, RoleStore roles) {
        this.catalog = catalog;
        this.roles = roles;
    }

    /** Seeds the built-in roles that do not exist yet; returns how many were created. */
    public int seed(Instant now) {
        int created = 0;
        for (Role role : definitions(now)) {
            if (roles.insert(role)) {
                created++;
            }
        }
        return created;
    }

    List<Role> definitions(Instant now) {
        List<String> types = catalog.types();
        var supervisor = new TreeSet<String>();
        types.forEach(type -> supervisor.add(type + ":*"));
        supervisor.addAll(List.of(
                "workflows:view",
                "exports:run",
                "views:manage",
                "reports:view",
                "operators:view",
                "roles:view",
                "audit:view",
                "clients:view",
                "clients:manage",
                "notifications:view"));

        var operator = new TreeSet<String>();
        types.forEach(type -> desk(operator, type));
        operator.addAll(List.of("workflows:view", "reports:view"));

        var cashier = new TreeSet<String>();
        types.stream().filter(CASH_TYPES::contains).forEach(type -> desk(cashier, type));
        cashier.add("workflows:view");

        var support = new TreeSet<String>();
        types.stream().filter(SUPPORT_TYPES::contains).forEach(type -> desk(support, type));
        types.stream().filter(SUPPORT_READS::contains).forEach(type -> support.add(type + ":view"));
        support.addAll(List.of("workflows:view", "clients:view"));

        var compliance = new TreeSet<String>();
        types.stream().filter(COMPLIANCE_TYPES::contains).forEach(type -> desk(compliance, type));
        types.stream().filter(COMPLIANCE_READS::contains).forEach(type -> compliance.add(type + ":view"));
        types.stream().filter(COMPLIANCE_APPROVALS::contains).forEach(type -> compliance.add(type + ":approve"));
        compliance.addAll(List.of("workflows:view", "reports:view", "exports:run", "clients:view"));

        var auditor = new TreeSet<String>();
        types.forEach(type -> auditor.add(type + ":view"));
        auditor.addAll(List.of(
                "workflows:view",
                "exports:run",
                "reports:view",
                "audit:view",
                "operators:view",
                "roles:view",
                "apikeys:view",
                "webhooks:view",
                "notifications:view",
                "clients:view"));

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

    private void desk(Set<String> permissions, String type) {
        permissions.add(type + ":view");
        permissions.add(type + ":create");
        permissions.add(type + ":update");
        permissions.add(type + ":claim");
        permissions.add(type + ":notify"); // the desk that works a type sends its manual notifications
        permissions.add(type + ":comment"); // and writes internal comments on its history
        permissions.addAll(catalog.manualTransitionPermissions(type));
    }

    private static Role role(String name, String description, Set<String> permissions, boolean mfa, Instant now) {
        return new Role(name, description, permissions, mfa, true, now, now);
    }
}
