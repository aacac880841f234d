package org.opsdesk.workflow;

import java.util.List;
import org.opsdesk.shared.PermissionContributor;
import org.springframework.stereotype.Component;

/**
 * The workflow module's own permission. The per-type permissions ({@code <type>:view}, each transition's own)
 * come from the definitions in force and are the operations module's.
 */
@Component
public final class WorkflowPermissions implements PermissionContributor {

    /** See the workflow definitions and their diagrams. */
    public static final String VIEW = "workflows:view";

    @Override
    public List<Definition> permissions() {
        return List.of(Definition.of(VIEW, "supervisor", "operator", "cashier", "support", "compliance", "auditor"));
    }
}
