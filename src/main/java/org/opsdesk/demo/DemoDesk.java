package org.opsdesk.demo;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;

/**
 * The people of the demo desk, the operators the access module's bootstrap creates in demo mode (username = role,
 * "Demo &lt;role&gt;"), and which operation types each works and approves as their built-in role grants. They act
 * as themselves: every move goes through the move policy, which narrows each to the permissions their role holds
 * now, so a wrong entry here fails loudly instead of writing history nobody could have made.
 */
final class DemoDesk {

    private static final Set<String> CASH = Set.of("deposit", "withdrawal", "exchange_order", "p2p_transfer");
    private static final Set<String> COMPLIANCE = Set.of("kyc_verification", "account_block", "limit_change");
    private static final Set<String> COMPLIANCE_APPROVES =
            Set.of("withdrawal", "p2p_transfer", "limit_change", "account_block", "loan");

    static final Actor SUPERVISOR = person("supervisor");
    static final Actor OPERATOR = person("operator");
    static final Actor CASHIER = person("cashier");
    static final Actor SUPPORT = person("support");
    static final Actor COMPLIANCE_OFFICER = person("compliance");

    /** The system itself: creates operations (standing for clients and integrations) and takes system moves. */
    static final Actor SYSTEM = Actor.system("demo-loader");

    private DemoDesk() {}

    /** Who may take an operation of this type, the specialists first. */
    static List<Actor> workersOf(String type) {
        if (CASH.contains(type)) {
            return List.of(CASHIER, OPERATOR, SUPERVISOR);
        }
        if (COMPLIANCE.contains(type)) {
            return List.of(COMPLIANCE_OFFICER, OPERATOR, SUPERVISOR);
        }
        if (type.equals("support_ticket")) {
            return List.of(SUPPORT, OPERATOR, SUPERVISOR);
        }
        if (type.equals("payout_batch")) {
            return List.of(CASHIER, SUPERVISOR); // its moves need exchange:payouts, which operators do not hold
        }
        return List.of(OPERATOR, SUPERVISOR);
    }

    /** Who takes this operation: mostly the specialist, sometimes the general operator, now and then the supervisor. */
    static Actor workerFor(String type, Random random) {
        List<Actor> workers = workersOf(type);
        int roll = random.nextInt(10);
        return workers.get(roll < 6 ? 0 : roll < 9 ? 1 : workers.size() - 1);
    }

    /** The checkers of a four-eyes move on this type, in the order they are asked. */
    static List<Actor> approversOf(String type) {
        return COMPLIANCE_APPROVES.contains(type) ? List.of(COMPLIANCE_OFFICER, SUPERVISOR) : List.of(SUPERVISOR);
    }

    private static Actor person(String username) {
        // the permissions the move policy intersects with the role's grants of the moment
        return new Actor(Actor.Kind.OPERATOR, username, "Demo " + username, Permissions.all());
    }
}
