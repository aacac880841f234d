package org.opsdesk.access.keys;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Token buckets per API key (Bucket4j): a key may send its rate per second on average and bursts of twice that.
 * The buckets live in each node's memory: with N nodes behind a balancer a key's ceiling is N times its rate.
 * That is a deliberate trade (docs/adr/0005): a shared bucket in PostgreSQL would put a row lock and a round trip
 * on every API request, the hot path the benchmark measures; the limit protects capacity, not money, and a
 * restart resetting it harms nobody.
 */
public final class ApiKeyRateLimiter {

    /** The answer for one request: allowed, or refused with how long to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {}

    private final int defaultPerSecond;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    public ApiKeyRateLimiter(int defaultPerSecond) {
        this.defaultPerSecond = defaultPerSecond;
    }

    public Decision tryAcquire(UUID keyId, @Nullable Integer perSecond) {
        int rate = perSecond == null ? defaultPerSecond : perSecond;
        var probe = buckets.computeIfAbsent(keyId, id -> bucket(rate)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds =
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        return new Decision(false, seconds);
    }

    private static Bucket bucket(int perSecond) {
        long burst = Math.max(1, 2L * perSecond);
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
