package org.opsdesk.exchange;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/** The permissions of the exchange desk: reading its configuration, changing it, and working orders. */
@Component
public final class ExchangePermissions implements PermissionContributor {

    /** Read currencies, rates and their history, bank accounts and orders' exchange details. */
    public static final String VIEW = "exchange:view";
    /** Configure currencies, pairs, rates (by hand or import) and the office's bank accounts. */
    public static final String MANAGE = "exchange:manage";
    /** Take orders at the desk, change an order's rate, cancel an order. */
    public static final String ORDERS = "exchange:orders";

    @Override
    public List<Definition> permissions() {
        return List.of(
                Definition.of(VIEW, "supervisor", "cashier", "compliance", "auditor"),
                Definition.of(MANAGE, "supervisor"),
                Definition.of(ORDERS, "supervisor", "cashier"));
    }
}
