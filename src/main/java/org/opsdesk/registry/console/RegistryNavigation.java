package org.opsdesk.registry.console;

import java.util.List;
import org.opsdesk.registry.RegistryPermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The registry's search (the way into the record pages) and its deleted records. */
@Component
final class RegistryNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                NavigationEntry.of(Section.MAIN, "registry", "/registry", "nav.registry", 42, RegistryPermissions.READ),
                NavigationEntry.of(
                        Section.MAIN,
                        "registry-deleted",
                        "/registry/deleted",
                        "nav.registryDeleted",
                        43,
                        RegistryPermissions.DELETED));
    }
}
