package org.opsdesk.exchange.portal;

import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.portal.PortalClient;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;

/**
 * The portal acting for one signed-in client: an internal process named {@code portal} (as it is when it hands a
 * registration to compliance), holding only what ordering needs — {@code exchange:orders}, and seeing and cancelling
 * exchange orders — never the desk's other powers. Which orders it may touch is checked by subject before it acts.
 */
public final class ClientActor {

    static final String TYPE = "exchange_order";
    static final String CANCELLED = "cancelled";

    private ClientActor() {}

    /** The portal acting for this client. */
    public static Actor of(PortalClient client) {
        return new Actor(
                Actor.Kind.SYSTEM,
                "portal",
                "portal",
                Permissions.of(
                        ExchangePermissions.ORDERS, OperationPermissions.view(TYPE), TYPE + ":transition:" + CANCELLED),
                "portal-client:" + client.id());
    }
}
