package org.opsdesk.access.operators;

import org.opsdesk.operations.AssigneeDirectory;
import org.opsdesk.operations.OperationPermissions;
import org.springframework.stereotype.Component;

/** Operations may be given only to active operators who can see their type. */
@Component
class OperatorAssigneeDirectory implements AssigneeDirectory {

    private final OperatorStore operators;
    private final OperatorActors actors;

    OperatorAssigneeDirectory(OperatorStore operators, OperatorActors actors) {
        this.operators = operators;
        this.actors = actors;
    }

    @Override
    public boolean canBeAssigned(String username, String operationType) {
        return operators
                .find(username)
                .filter(Operator::active)
                .map(actors::actorFor)
                .filter(actor -> actor.may(OperationPermissions.view(operationType)))
                .isPresent();
    }
}
