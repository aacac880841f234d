package org.opsdesk.exports;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/** The permissions the exports module defines. */
@Component
public final class ExportPermissions implements PermissionContributor {

    /** Export lists as CSV (types the caller may not view stay out of the file). */
    public static final String RUN = "exports:run";

    /** See every operator's past exports (otherwise only one's own): the exports' audit trail. */
    public static final String AUDIT = "exports:audit";

    @Override
    public List<Definition> permissions() {
        return List.of(
                Definition.of(RUN, "supervisor", "compliance", "auditor"),
                Definition.of(AUDIT, "supervisor", "auditor"));
    }
}
