package org.opsdesk.access;

import org.opsdesk.shared.Permissions;

/**
 * What a principal recorded earlier may do now, for modules that act later on its behalf (webhook deliveries
 * planned for the endpoint's registrant). {@code access} implements it; answers come from the database.
 */
public interface PrincipalPermissions {

    /**
     * The current permissions of the principal with this key ({@code Actor.principalKey()}): an operator's through
     * their roles now, an API key's cut to its creator's now. None when the principal is unknown, disabled,
     * deleted, revoked or expired; every permission for an internal process ({@code system:…}).
     */
    Permissions current(String principalKey);
}
