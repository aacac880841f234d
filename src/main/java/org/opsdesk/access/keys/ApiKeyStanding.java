package org.opsdesk.access.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.keys.ApiKeyStore.ApiKey;
import org.opsdesk.access.keys.ApiKeyStore.KeyRow;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Component;

/**
 * What an API key may do now. A key acts for the operator who created it — or, created by a key, for that key's
 * operator, up the chain — and never beyond them: its grants are cut to every key above it and to the operator's
 * current roles, it expires with the earliest of them, it is revoked when any of them is, and it may not act
 * while that operator is disabled or deleted. A key at the top of its chain with no operator behind it (the
 * bootstrap or demo key, or one inserted by hand) is a person of its own for four-eyes.
 *
 * <p>Read from the database on every call; {@link ApiKeyCache} keeps the answers only while it hears every
 * revocation and every operator and role change (the triggers of V2026120721 send the notices).
 */
@Component
public class ApiKeyStanding {

    private static final String OPERATOR_CREATOR_PREFIX = "operator:";

    private final ApiKeyStore keys;
    private final OperatorStore operators;
    private final OperatorActors actors;

    ApiKeyStanding(ApiKeyStore keys, OperatorStore operators, OperatorActors actors) {
        this.keys = keys;
        this.operators = operators;
        this.actors = actors;
    }

    public Optional<ApiKey> bySecret(String secret) {
        return resolve(keys.chainBySecret(secret));
    }

    public Optional<ApiKey> byId(UUID id) {
        return resolve(keys.chainById(id));
    }

    private Optional<ApiKey> resolve(List<KeyRow> chain) {
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        KeyRow self = chain.get(0);
        KeyRow top = chain.get(chain.size() - 1);
        var permissions = new Permissions(self.permissions());
        Instant expiresAt = null;
        Instant revokedAt = null;
        for (KeyRow key : chain) {
            permissions = permissions.intersect(new Permissions(key.permissions()));
            expiresAt = earliest(expiresAt, key.expiresAt());
            revokedAt = revokedAt != null ? revokedAt : key.revokedAt();
        }
        String person = ApiKeyStore.KEY_CREATOR_PREFIX + top.id();
        boolean creatorActive = !top.createdBy().startsWith(ApiKeyStore.KEY_CREATOR_PREFIX); // else: chain cut
        if (top.createdBy().startsWith(OPERATOR_CREATOR_PREFIX)) {
            person = top.createdBy();
            Optional<Operator> creator = operators
                    .find(top.createdBy().substring(OPERATOR_CREATOR_PREFIX.length()))
                    .filter(Operator::active);
            creatorActive = creator.isPresent();
            permissions = creator.map(operator -> actors.actorFor(operator).permissions())
                    .map(permissions::intersect)
                    .orElse(Permissions.none());
        }
        return Optional.of(new ApiKey(
                self.id(),
                self.name(),
                permissions.granted(),
                expiresAt,
                revokedAt,
                self.rateLimitPerSecond(),
                person,
                creatorActive));
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
