package org.opsdesk.access.keys;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.opsdesk.access.keys.ApiKeyStore.ApiKey;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keys recently found in the database, so an API request does not pay a second database round trip just to
 * authenticate (ADR 0007). Safe only while revocations reach every node: the cache answers only while
 * {@link ApiKeyRevocationListener} is listening for them, and forgets everything whenever it is not, and whenever
 * an operator's roles or status or a role's permissions change (a key acts with its creator's current ones). Expiry is
 * still decided per request from the cached expiry time; unknown secrets are never cached.
 *
 * <p>Keys are found by secret (authentication) and by id (the move policy, ADR 0017 and ADR 0019): both kinds of
 * entry are forgotten together, by the same notices.
 */
public final class ApiKeyCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiKey key, long loadedAtNanos) {}

    private final long ttlNanos;
    /** By the secret's hash (a {@code String}) or by the key's id (a {@code UUID}). */
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

    private volatile boolean revocationsHeard;
    /** Counts evictions, so a load that raced with a revocation is not cached. */
    private final java.util.concurrent.atomic.AtomicLong revocations = new java.util.concurrent.atomic.AtomicLong();

    public ApiKeyCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The key with this secret, from the cache when it may answer, else from {@code database}. */
    public Optional<ApiKey> find(String secret, Supplier<Optional<ApiKey>> database) {
        if (!isActive()) {
            return database.get();
        }
        return lookup(HexFormat.of().formatHex(ApiKeySecrets.hash(secret)), database);
    }

    /** The key with this id, from the cache when it may answer, else from {@code database}. */
    public Optional<ApiKey> findById(UUID id, Supplier<Optional<ApiKey>> database) {
        if (!isActive()) {
            return database.get();
        }
        return lookup(id, database);
    }

    private Optional<ApiKey> lookup(Object cacheKey, Supplier<Optional<ApiKey>> database) {
        Entry cached = entries.get(cacheKey);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return Optional.of(cached.key());
        }
        long revocationsBefore = revocations.get();
        var loaded = database.get();
        boolean noRevocationMeanwhile = revocations.get() == revocationsBefore;
        if (loaded.isPresent() && loaded.get().revokedAt() == null && revocationsHeard && noRevocationMeanwhile) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(cacheKey, new Entry(loaded.get(), now));
        } else {
            entries.remove(cacheKey);
        }
        return loaded;
    }

    /** A key was revoked (here or on another node). */
    public void evict(UUID keyId) {
        revocations.incrementAndGet();
        entries.values().removeIf(entry -> entry.key().id().equals(keyId));
    }

    /** An operator or a role changed (here or on another node): every key's standing may have changed. */
    public void evictAll() {
        revocations.incrementAndGet();
        entries.clear();
    }

    /**
     * An operator's roles or status or a role's permissions change in the current transaction: forget every key
     * on this node once it commits, so the change holds for the very next request here. The database trigger's
     * notice tells the other nodes (and this one again); waiting for it here left a gap of a few milliseconds in
     * which a disabled operator's key still answered on the node that had just disabled them.
     */
    public void evictAllAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evictAll();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                evictAll();
            }
        });
    }

    /** Whether revocations are being heard; when they are not, nothing is cached. */
    void revocationsHeard(boolean heard) {
        revocations.incrementAndGet();
        if (!heard) {
            revocationsHeard = false;
            entries.clear();
        } else {
            entries.clear(); // anything revoked while we were deaf is forgotten, not trusted
            revocationsHeard = true;
        }
    }

    boolean isActive() {
        return revocationsHeard && ttlNanos > 0;
    }
}
