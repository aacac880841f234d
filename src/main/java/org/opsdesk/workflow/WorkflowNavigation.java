package org.opsdesk.workflow;

import java.util.List;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The workflow definitions and their diagrams. */
@Component
final class WorkflowNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN, "workflows", "/workflows", "nav.workflows", 50, WorkflowPermissions.VIEW));
    }
}
