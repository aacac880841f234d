package org.opsdesk.notifications;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/** The permissions of webhook endpoints and of the notifications sent about operations. */
@Component
public final class NotificationPermissions implements PermissionContributor {

    public static final String WEBHOOKS_VIEW = "webhooks:view";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    public static final String NOTIFICATIONS_VIEW = "notifications:view";
    public static final String NOTIFICATIONS_MANAGE = "notifications:manage";

    @Override
    public List<Definition> permissions() {
        return List.of(
                Definition.of(WEBHOOKS_VIEW, "auditor"),
                Definition.of(WEBHOOKS_MANAGE),
                Definition.of(NOTIFICATIONS_VIEW, "supervisor", "auditor"),
                Definition.of(NOTIFICATIONS_MANAGE));
    }
}
