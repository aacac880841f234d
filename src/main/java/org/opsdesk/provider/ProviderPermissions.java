package org.opsdesk.provider;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/** The permissions of the provider's outcome resolver: looking into and checking outcomes, and settling them. */
@Component
public final class ProviderPermissions implements PermissionContributor {

    /** See a pending provider outcome's state and ask the provider now ("check now"). */
    public static final String CHECK = "provider:check";

    /** Ask for, approve or decline a settlement by hand of an outcome the provider never gave (four-eyes). */
    public static final String SETTLE = "provider:settle";

    @Override
    public List<Definition> permissions() {
        return List.of(Definition.of(CHECK, "supervisor", "compliance"), Definition.of(SETTLE, "supervisor"));
    }
}
