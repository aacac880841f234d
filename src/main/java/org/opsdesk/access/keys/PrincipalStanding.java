package org.opsdesk.access.keys;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.access.PrincipalPermissions;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.operations.MovePolicy;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Component;

/**
 * What a principal may do now — the caller of a move, re-read under the operation's lock; a principal recorded
 * earlier such as an approval request's maker or a webhook endpoint's registrant: nothing once it is disabled,
 * deleted, revoked or expired, and no more than it holds today. It is {@code operations}' {@link MovePolicy}.
 *
 * <p>For the key moving in the current request, its standing comes from the {@link ApiKeyCache} that authentication
 * trusts: it answers only while this node hears every revocation and every operator and role change, and asks the
 * database otherwise, so a revoked key or a disabled creator stops moving as soon as it stops authenticating (ADR
 * 0019). Operators, and principals recorded earlier (an approval's maker), are read from the database.
 */
@Component
class PrincipalStanding implements PrincipalPermissions, MovePolicy {

    private final OperatorStore operators;
    private final OperatorActors actors;
    private final ApiKeyStanding keys;
    private final ApiKeyCache keyCache;
    private final Clock clock;

    PrincipalStanding(
            OperatorStore operators, OperatorActors actors, ApiKeyStanding keys, ApiKeyCache keyCache, Clock clock) {
        this.operators = operators;
        this.actors = actors;
        this.keys = keys;
        this.keyCache = keyCache;
        this.clock = clock;
    }

    /**
     * Internal processes are left to the workflow's trigger rules; operators answer from the database, keys from
     * the key cache while it hears every change and from the database otherwise.
     */
    @Override
    public Optional<Permissions> permissionsNow(Actor.Kind kind, String id) {
        return switch (kind) {
            case SYSTEM, TIMER -> Optional.empty();
            case OPERATOR -> Optional.of(current(kind.code() + ":" + id));
            case API_KEY ->
                Optional.of(mayNowAct(parse(id).flatMap(key -> keyCache.findById(key, () -> keys.byId(key)))));
        };
    }

    /** A recorded principal (an approval's maker) answers from the database, as webhooks' registrants do. */
    @Override
    public Optional<Permissions> recordedPermissionsNow(Actor.Kind kind, String id) {
        return switch (kind) {
            case SYSTEM, TIMER -> Optional.empty();
            case OPERATOR, API_KEY -> Optional.of(current(kind.code() + ":" + id));
        };
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
            return mayNowAct(parse(id).flatMap(keys::byId));
        }
        if (kind.equals(Actor.Kind.SYSTEM.code()) || kind.equals(Actor.Kind.TIMER.code())) {
            return Permissions.all(); // internal processes are trusted with every move
        }
        return Permissions.none();
    }

    private Permissions mayNowAct(Optional<ApiKeyStore.ApiKey> key) {
        return key.filter(k -> k.usableAt(clock.instant()))
                .map(k -> new Permissions(k.permissions()))
                .orElse(Permissions.none());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
