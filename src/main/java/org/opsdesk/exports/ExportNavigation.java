package org.opsdesk.exports;

import java.util.List;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The past exports and the export form. */
@Component
final class ExportNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(
                NavigationEntry.of(Section.MAIN, "exports", "/exports", "nav.exports", 40, ExportPermissions.RUN));
    }
}
