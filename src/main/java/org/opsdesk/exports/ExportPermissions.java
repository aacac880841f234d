package org.opsdesk.exports;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/** The permission the exports module defines. */
@Component
public final class ExportPermissions implements PermissionContributor {

    /** Export lists as CSV (types the caller may not view stay out of the file). */
    public static final String RUN = "exports:run";

    @Override
    public List<Definition> permissions() {
        return List.of(Definition.of(RUN, "supervisor", "compliance", "auditor"));
    }
}
