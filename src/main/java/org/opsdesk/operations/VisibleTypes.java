package org.opsdesk.operations;

import java.util.List;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;

/** The operation types an actor may view ({@link OperationPermissions#view}), for figures over many types at once. */
final class VisibleTypes {

    private VisibleTypes() {}

    static List<String> of(Workflows workflows, Actor actor) {
        return workflows.all().stream()
                .map(WorkflowDefinition::type)
                .filter(type -> actor.may(OperationPermissions.view(type)))
                .toList();
    }
}
