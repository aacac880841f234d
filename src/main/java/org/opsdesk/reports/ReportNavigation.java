package org.opsdesk.reports;

import java.util.List;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The dashboard, the console's start page. */
@Component
final class ReportNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(Section.MAIN, "dashboard", "/", "nav.dashboard", 10));
    }
}
