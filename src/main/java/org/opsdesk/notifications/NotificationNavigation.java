package org.opsdesk.notifications;

import java.util.List;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The webhook endpoints, in the administration. */
@Component
final class NotificationNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.ADMINISTRATION,
                "webhooks",
                "/admin/webhooks",
                "admin.section.webhooks.title",
                40,
                NotificationPermissions.WEBHOOKS_VIEW,
                NotificationPermissions.WEBHOOKS_MANAGE));
    }
}
