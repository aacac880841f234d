package org.opsdesk.access.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opsdesk.access.keys.ApiKeyStore.ApiKey;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ApiKeyCacheTests {

    private final ApiKey key =
            new ApiKey(UUID.randomUUID(), "k", Set.of("deposit:view"), null, null, null, "operator:alice", true);
    private final AtomicInteger databaseCalls = new AtomicInteger();

    private Optional<ApiKey> database() {
        databaseCalls.incrementAndGet();
        return Optional.of(key);
    }

    @Test
    void asksTheDatabaseEveryTimeWhileRevocationsAreNotHeard() {
        var cache = new ApiKeyCache(Duration.ofSeconds(30));
        cache.find("secret", this::database);
        cache.find("secret", this::database);
        assertThat(databaseCalls).hasValue(2);
    }

    @Test
    void reusesAKeyWhileHearingRevocationsAndForgetsItWhenRevoked() {
        var cache = new ApiKeyCache(Duration.ofSeconds(30));
        cache.revocationsHeard(true);
        cache.find("secret", this::database);
        cache.find("secret", this::database);
        assertThat(databaseCalls).hasValue(1);

        cache.evict(key.id());
        cache.find("secret", this::database);
        assertThat(databaseCalls).hasValue(2);
    }

    @Test
    void forgetsEveryKeyWhenTheTransactionThatChangedAnOperatorCommitsNotBefore() {
        var cache = new ApiKeyCache(Duration.ofSeconds(30));
        cache.revocationsHeard(true);
        cache.find("secret", this::database);
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.evictAllAfterCommit(); // the operator was disabled in this transaction
            cache.find("secret", this::database);
            assertThat(databaseCalls)
                    .as("not committed yet: the old standing still holds")
                    .hasValue(1);

            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        cache.find("secret", this::database);
        assertThat(databaseCalls).as("read again at once, not after the notice").hasValue(2);
    }

    @Test
    void forgetsEverythingWhenTheListenerGoesDeaf() {
        var cache = new ApiKeyCache(Duration.ofSeconds(30));
        cache.revocationsHeard(true);
        cache.find("secret", this::database);
        cache.revocationsHeard(false);
        cache.revocationsHeard(true);
        cache.find("secret", this::database);
        assertThat(databaseCalls).hasValue(2);
    }

    @Test
    void doesNotCacheALoadThatRacedWithARevocation() {
        var cache = new ApiKeyCache(Duration.ofSeconds(30));
        cache.revocationsHeard(true);
        cache.find("secret", () -> {
            cache.evict(key.id()); // the revocation notice arrives while the row is being read
            return database();
        });
        cache.find("secret", this::database);
        assertThat(databaseCalls).hasValue(2);
    }

    @Test
    void neverCachesUnknownSecretsOrWithAZeroTimeToLive() {
        var cache = new ApiKeyCache(Duration.ofSeconds(30));
        cache.revocationsHeard(true);
        var unknownCalls = new AtomicInteger();
        cache.find("unknown", () -> {
            unknownCalls.incrementAndGet();
            return Optional.empty();
        });
        cache.find("unknown", () -> {
            unknownCalls.incrementAndGet();
            return Optional.empty();
        });
        assertThat(unknownCalls).hasValue(2);

        var off = new ApiKeyCache(Duration.ZERO);
        off.revocationsHeard(true);
        off.find("secret", this::database);
        off.find("secret", this::database);
        assertThat(databaseCalls).hasValue(2);
    }

    @Test
    void findsAKeyByIdOnlyWhileHearingChangesAndForgetsItWithTheSameNotices() {
        var cache = new ApiKeyCache(Duration.ofSeconds(30));
        cache.findById(key.id(), this::database);
        cache.findById(key.id(), this::database);
        assertThat(databaseCalls).as("deaf: the database every time").hasValue(2);

        cache.revocationsHeard(true);
        cache.findById(key.id(), this::database);
        cache.findById(key.id(), this::database);
        assertThat(databaseCalls).hasValue(3);

        cache.evict(key.id());
        cache.findById(key.id(), this::database);
        assertThat(databaseCalls)
                .as("a revocation of the key forgets it by id too")
                .hasValue(4);

        cache.evictAll();
        cache.findById(key.id(), this::database);
        assertThat(databaseCalls)
                .as("an operator or role change forgets it by id too")
                .hasValue(5);
    }
}
