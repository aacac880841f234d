package org.opsdesk.access.operators;

import java.util.HashSet;
import java.util.Set;
import org.opsdesk.access.roles.Role;
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
        return signedIn(operator).actor();
    }

    /** The operator's actor and whether any of their roles asks for a second factor, from one read of the roles. */
    public SignedIn signedIn(Operator operator) {
        var held = roles.findAll(operator.roles());
        var permissions = new HashSet<String>();
        held.forEach(role -> permissions.addAll(role.permissions()));
        return signedIn(operator, permissions, held.stream().anyMatch(Role::mfaRequired));
    }

    /** The same from the roles' grants read already (by {@link OperatorStore#findForSession}). */
    static SignedIn signedIn(Operator operator, Set<String> permissions, boolean mfaRequired) {
        return new SignedIn(
                new Actor(
                        Actor.Kind.OPERATOR, operator.username(), operator.displayName(), new Permissions(permissions)),
                mfaRequired);
    }

    /** An operator's actor, and whether their roles require a second factor. */
    public record SignedIn(Actor actor, boolean mfaRequired) {}

    /** Whether any of the operator's roles asks for a second factor. */
    public boolean mfaRequired(Operator operator) {
        return signedIn(operator).mfaRequired();
    }
}
