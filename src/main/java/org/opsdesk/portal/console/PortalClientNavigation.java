package org.opsdesk.portal.console;

import java.util.List;
import org.opsdesk.clients.ClientPermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The console's list of clients registered on the portal, for those who may read clients' personal data. */
@Component
final class PortalClientNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN, "portal-clients", "/portal-clients", "nav.portalClients", 45, ClientPermissions.VIEW));
    }
}
