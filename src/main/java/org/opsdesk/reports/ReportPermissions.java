package org.opsdesk.reports;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/** The permission the reports module defines. */
@Component
public final class ReportPermissions implements PermissionContributor {

    /** See the dashboard and reports over the types the caller may view. */
    public static final String VIEW = "reports:view";

    @Override
    public List<Definition> permissions() {
        return List.of(Definition.of(VIEW, "supervisor", "operator", "compliance", "auditor"));
    }
}
