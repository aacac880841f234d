package org.opsdesk.banking;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/**
 * The permissions of the office's bank side. Reading statements, entries, balances, the payments queue and payout
 * batches needs {@code exchange:view} (the exchange desk's read permission); these two let people change them.
 */
@Component
public final class BankingPermissions implements PermissionContributor {

    /** Import bank statements and decide the payments queue's entries (link, return, set aside). */
    public static final String STATEMENTS = "exchange:statements";
    /** Generate payout batches, download their files, confirm or remove their items. */
    public static final String PAYOUTS = "exchange:payouts";

    @Override
    public List<Definition> permissions() {
        return List.of(
                Definition.of(STATEMENTS, "supervisor", "cashier"), Definition.of(PAYOUTS, "supervisor", "cashier"));
    }
}
