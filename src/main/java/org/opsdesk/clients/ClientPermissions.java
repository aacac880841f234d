package org.opsdesk.clients;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/** The permissions of the client directory (personal data: reading is granted narrowly). */
@Component
public final class ClientPermissions implements PermissionContributor {

    public static final String VIEW = "clients:view";
    public static final String MANAGE = "clients:manage";

    @Override
    public List<Definition> permissions() {
        return List.of(
                Definition.of(VIEW, "supervisor", "support", "compliance", "auditor"),
                Definition.of(MANAGE, "supervisor"));
    }
}
