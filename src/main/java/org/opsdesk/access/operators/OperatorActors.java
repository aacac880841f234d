package org.opsdesk.access.operators;

import org.opsdesk.access.roles.RoleStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Component;

/**
 * Turns an operator into the {@link Actor} other modules check: their permissions are the union of their roles',
 * read afresh each time, so a role change applies to the next request.
 */
@Component
public class OperatorActors {

    private final RoleStore roles;

    OperatorActors(RoleStore roles) {
        this.roles = roles;
    }

    public Actor actorFor(Operator operator) {
        return new Actor(
                Actor.Kind.OPERATOR,
                operator.username(),
                operator.displayName(),
                new Permissions(roles.permissionsOf(operator.roles())));
    }

    /** Whether any of the operator's roles asks for a second factor. */
    public boolean mfaRequired(Operator operator) {
        return roles.findAll(operator.roles()).stream().anyMatch(r -> r.mfaRequired());
    }
}
