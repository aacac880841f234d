package org.opsdesk.access.keys;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.access.PrincipalPermissions;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.operations.MakerStanding;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Component;

/**
 * What a principal recorded earlier — an approval request's maker, a webhook endpoint's registrant — may do now:
 * nothing once it is disabled, deleted, revoked or expired, and no more than it holds today.
 */
@Component
class PrincipalStanding implements PrincipalPermissions, MakerStanding {

    private final OperatorStore operators;
    private final OperatorActors actors;
    private final ApiKeyStanding keys;
    private final Clock clock;

    PrincipalStanding(OperatorStore operators, OperatorActors actors, ApiKeyStanding keys, Clock clock) {
        this.operators = operators;
        this.actors = actors;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public boolean mayStillTake(String kind, String id, String permission) {
        return current(kind + ":" + id).allows(permission);
    }

    @Override
    public Permissions current(String principalKey) {
        int colon = principalKey.indexOf(':');
        String kind = colon < 0 ? "" : principalKey.substring(0, colon);
        String id = principalKey.substring(colon + 1);
        if (kind.equals(Actor.Kind.OPERATOR.code())) {
            return operators
                    .find(id)
                    .filter(Operator::active)
                    .map(operator -> actors.actorFor(operator).permissions())
                    .orElse(Permissions.none());
        }
        if (kind.equals(Actor.Kind.API_KEY.code())) {
            return parse(id)
                    .flatMap(keys::byId)
                    .filter(key -> key.usableAt(clock.instant()))
                    .map(key -> new Permissions(key.permissions()))
                    .orElse(Permissions.none());
        }
        if (kind.equals(Actor.Kind.SYSTEM.code()) || kind.equals(Actor.Kind.TIMER.code())) {
            return Permissions.all(); // internal processes are trusted with every move
        }
        return Permissions.none();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
