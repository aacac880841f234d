package org.opsdesk.access;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/** The permissions of operators, roles, API keys and the security log. */
@Component
public final class AccessPermissions implements PermissionContributor {

    public static final String OPERATORS_VIEW = "operators:view";
    public static final String OPERATORS_MANAGE = "operators:manage";
    public static final String ROLES_VIEW = "roles:view";
    public static final String ROLES_MANAGE = "roles:manage";
    public static final String APIKEYS_VIEW = "apikeys:view";
    public static final String APIKEYS_MANAGE = "apikeys:manage";
    public static final String AUDIT_VIEW = "audit:view";

    @Override
    public List<Definition> permissions() {
        return List.of(
                Definition.of(OPERATORS_VIEW, "supervisor", "auditor"),
                Definition.of(OPERATORS_MANAGE),
                Definition.of(ROLES_VIEW, "supervisor", "auditor"),
                Definition.of(ROLES_MANAGE),
                Definition.of(APIKEYS_VIEW, "auditor"),
                Definition.of(APIKEYS_MANAGE),
                Definition.of(AUDIT_VIEW, "supervisor", "auditor"));
    }
}
