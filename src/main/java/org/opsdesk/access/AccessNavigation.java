package org.opsdesk.access;

import static org.opsdesk.access.AccessPermissions.APIKEYS_MANAGE;
import static org.opsdesk.access.AccessPermissions.APIKEYS_VIEW;
import static org.opsdesk.access.AccessPermissions.AUDIT_VIEW;
import static org.opsdesk.access.AccessPermissions.OPERATORS_MANAGE;
import static org.opsdesk.access.AccessPermissions.OPERATORS_VIEW;
import static org.opsdesk.access.AccessPermissions.ROLES_MANAGE;
import static org.opsdesk.access.AccessPermissions.ROLES_VIEW;

import java.util.List;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/**
 * The administration: its entry in the left navigation (shown to whoever may open any of its sections, those other
 * modules add included) and the sections of operators, roles, API keys and the security log.
 */
@Component
final class AccessNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                new NavigationEntry(
                        Section.MAIN, "admin", "/admin", "nav.admin", 60, java.util.Set.of(), Section.ADMINISTRATION),
                admin("operators", "/admin/operators", 10, OPERATORS_VIEW, OPERATORS_MANAGE),
                admin("roles", "/admin/roles", 20, ROLES_VIEW, ROLES_MANAGE),
                admin("apikeys", "/admin/api-keys", 30, APIKEYS_VIEW, APIKEYS_MANAGE),
                admin("audit", "/admin/security-log", 50, AUDIT_VIEW));
    }

    private static NavigationEntry admin(String id, String href, int order, String... anyOf) {
        return NavigationEntry.of(Section.ADMINISTRATION, id, href, "admin.section." + id + ".title", order, anyOf);
    }
}
