package org.opsdesk.operations;

import java.util.List;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/**
 * The operations list and the approvals queue (each shows only the types the operator may view), and the dead
 * letters in the administration.
 */
@Component
final class OperationNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                NavigationEntry.of(Section.MAIN, "operations", "/operations", "nav.operations", 20),
                NavigationEntry.of(Section.MAIN, "approvals", "/approvals", "nav.approvals", 30),
                NavigationEntry.of(
                        Section.ADMINISTRATION,
                        "dead-letters",
                        "/operations/dead-letters",
                        "admin.section.dead-letters.title",
                        70,
                        OperationPermissions.DEAD_LETTERS));
    }
}
