package org.opsdesk.access.keys;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.opsdesk.access.keys.ApiKeyStore.ApiKey;

/**
 * Keys recently found in the database, so an API request does not pay a second database round trip just to
 * authenticate (ADR 0007). Safe only while revocations reach every node: the cache answers only while
 * {@link ApiKeyRevocationListener} is listening for them, and forgets everything whenever it is not, and whenever
 * an operator's roles or status or a role's permissions change (a key acts with its creator's current ones). Expiry is
 * still decided per request from the cached expiry time; unknown secrets are never cached.
 */
public final class ApiKeyCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiKey key, long loadedAtNanos) {}

    private final long ttlNanos;
    private final Map<String, Entry> bySecretHash = new ConcurrentHashMap<>();
    private volatile boolean revocationsHeard;
    /** Counts evictions, so a load that raced with a revocation is not cached. */
    private final java.util.concurrent.atomic.AtomicLong revocations = new java.util.concurrent.atomic.AtomicLong();

    public ApiKeyCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public Optional<ApiKey> find(String secret, Supplier<Optional<ApiKey>> database) {
        if (!revocationsHeard || ttlNanos <= 0) {
            return database.get();
        }
        String hash = HexFormat.of().formatHex(ApiKeySecrets.hash(secret));
        Entry cached = bySecretHash.get(hash);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return Optional.of(cached.key());
        }
        long revocationsBefore = revocations.get();
        var loaded = database.get();
        boolean noRevocationMeanwhile = revocations.get() == revocationsBefore;
        if (loaded.isPresent() && loaded.get().revokedAt() == null && revocationsHeard && noRevocationMeanwhile) {
            if (bySecretHash.size() >= MAX_ENTRIES) {
                bySecretHash.clear();
            }
            bySecretHash.put(hash, new Entry(loaded.get(), now));
        } else {
            bySecretHash.remove(hash);
        }
        return loaded;
    }

    /** A key was revoked (here or on another node). */
    public void evict(UUID keyId) {
        revocations.incrementAndGet();
        bySecretHash.values().removeIf(entry -> entry.key().id().equals(keyId));
    }

    /** An operator or a role changed (here or on another node): every key's standing may have changed. */
    public void evictAll() {
        revocations.incrementAndGet();
        bySecretHash.clear();
    }

    /** Whether revocations are being heard; when they are not, nothing is cached. */
    void revocationsHeard(boolean heard) {
        revocations.incrementAndGet();
        if (!heard) {
            revocationsHeard = false;
            bySecretHash.clear();
        } else {
            bySecretHash.clear(); // anything revoked while we were deaf is forgotten, not trusted
            revocationsHeard = true;
        }
    }

    boolean isActive() {
        return revocationsHeard && ttlNanos > 0;
    }
}
