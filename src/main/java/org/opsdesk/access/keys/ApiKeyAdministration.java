package org.opsdesk.access.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.Grants;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.keys.ApiKeyStore.ApiKeyDetails;
import org.opsdesk.access.permissions.PermissionCatalog;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates and revokes API keys. A key holds at most what its creator holds, and acts with no more than they hold
 * now ({@link ApiKeyStanding}); it always expires, at most {@code opsdesk.api.key-max-lifetime} after its creation
 * ({@code opsdesk.api.key-default-lifetime} when none is asked for); its secret is returned once and stored only
 * as a hash; revoking it revokes the keys created under it, and applies to the very next request on every node.
 */
@Service
public class ApiKeyAdministration {

    /** A new key and its secret, which no later answer repeats. */
    public record CreatedKey(ApiKeyDetails key, String secret) {}

    private final ApiKeyStore keys;
    private final PermissionCatalog catalog;
    private final SecurityLog securityLog;
    private final ApiKeyCache cache;
    private final Clock clock;
    private final Duration maxLifetime;
    private final Duration defaultLifetime;

    ApiKeyAdministration(
            ApiKeyStore keys,
            PermissionCatalog catalog,
            SecurityLog securityLog,
            ApiKeyCache cache,
            Clock clock,
            @Value("${opsdesk.api.key-max-lifetime}") Duration maxLifetime,
            @Value("${opsdesk.api.key-default-lifetime}") Duration defaultLifetime) {
        this.keys = keys;
        this.cache = cache;
        this.catalog = catalog;
        this.securityLog = securityLog;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.defaultLifetime = defaultLifetime.compareTo(maxLifetime) > 0 ? maxLifetime : defaultLifetime;
    }

    /** How long a key lives when its creator gives no expiry (as the console does not). */
    public Duration defaultLifetime() {
        return defaultLifetime;
    }

    @Transactional
    public CreatedKey create(
            String name,
            List<String> permissions,
            @Nullable Instant expiresAt,
            @Nullable Integer rateLimitPerSecond,
            Actor actor) {
        Instant now = clock.instant();
        if (expiresAt == null) {
            expiresAt = now.plus(defaultLifetime);
        }
        if (!expiresAt.isAfter(now)) {
            throw InvalidInput.of("expiresAt", "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(maxLifetime))) {
            throw InvalidInput.of("expiresAt", "at most " + maxLifetime.toDays() + " days from now");
        }
        catalog.validate("permissions", permissions);
        Grants.requireHeld(actor, permissions);
        String secret = ApiKeySecrets.generate();
        var sorted = List.copyOf(new TreeSet<>(permissions));
        UUID id = keys.create(name, secret, sorted, expiresAt, rateLimitPerSecond, actor.principalKey(), now);
        var details = new java.util.TreeMap<String, Object>();
        details.put("name", name);
        details.put("permissions", sorted);
        details.put("expiresAt", expiresAt.toString());
        details.put("rateLimitPerSecond", rateLimitPerSecond == null ? "default" : rateLimitPerSecond);
        securityLog.record(SecurityEvents.API_KEY_CREATED, actor, "api_key:" + id, details);
        return new CreatedKey(keys.find(id).orElseThrow(), secret);
    }

    /** Revokes a key and, with it, every key created under it that is still live (each in the security log). */
    @Transactional
    public ApiKeyDetails revoke(UUID id, Actor actor) {
        ApiKeyDetails key = keys.find(id).orElseThrow(() -> new NotFound("API key", id.toString()));
        for (UUID revoked : keys.revoke(id, clock.instant())) {
            afterCommit(() -> cache.evict(revoked)); // this node at once; the others through the notification
            var details = new java.util.TreeMap<String, Object>();
            details.put("name", keys.find(revoked).map(ApiKeyDetails::name).orElse(""));
            if (!revoked.equals(id)) {
                details.put("withParent", id.toString());
            }
            securityLog.record(SecurityEvents.API_KEY_REVOKED, actor, "api_key:" + revoked, details);
        }
        return keys.find(id).orElseThrow();
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    public List<ApiKeyDetails> list(@Nullable Instant beforeCreatedAt, @Nullable UUID beforeId, int limit) {
        return keys.list(beforeCreatedAt, beforeId, limit);
    }

    public ApiKeyDetails get(UUID id) {
        return keys.find(id).orElseThrow(() -> new NotFound("API key", id.toString()));
    }
}
