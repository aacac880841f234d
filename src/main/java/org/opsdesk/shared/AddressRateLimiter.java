package org.opsdesk.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per client address (Bucket4j) for endpoints anyone may call: an address may send {@code perSecond}
 * requests a second on average and {@code burst} at once. Like the API keys' limiter the buckets live in each node's
 * memory (docs/adr/0005): the limit protects capacity, and N nodes allow N times the rate.
 *
 * <p>Memory is bounded. A bucket left alone for {@link #idleAfter()} (the time it takes to fill up again) is full,
 * exactly what a new one would be, so it is dropped without changing any answer; sweeps run at most once per that
 * time. At most {@code maxAddresses} addresses have a bucket of their own: when a flood of addresses fills the table
 * and a sweep frees nothing, further addresses share one overflow bucket of the same rate — a flood is throttled as
 * a whole and cannot grow the heap, and addresses already known keep their own buckets.
 *
 * <p>Time is Bucket4j's monotonic nanosecond clock, not the application's {@code Clock}: the limit is about
 * elapsed real time, and a business clock moved (the demo's seeding, the tests) must neither refill nor starve it.
 */
public final class AddressRateLimiter {

    /** The answer for one request: allowed, or refused with how many seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {}

    /** The key of the overflow bucket: never an address. */
    static final String OVERFLOW = "(overflow)";

    private final long perSecond;
    private final long burst;
    private final int maxAddresses;
    private final TimeMeter time;
    private final long idleNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    /**
     * @param perSecond average requests a second per address, at least 1
     * @param burst requests an address may send at once, at least 1
     * @param maxAddresses addresses with a bucket of their own, at least 1
     */
    public AddressRateLimiter(long perSecond, long burst, int maxAddresses) {
        this(perSecond, burst, maxAddresses, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With another time source, for tests. */
    AddressRateLimiter(long perSecond, long burst, int maxAddresses, TimeMeter time) {
        if (perSecond < 1 || burst < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("a rate limit needs per-second, burst and max-addresses of at least 1,"
                    + " not " + perSecond + ", " + burst + " and " + maxAddresses);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxAddresses = maxAddresses;
        this.time = time;
        // whole seconds to refill from empty, plus one: a bucket idle that long is full
        this.idleNanos =
                Duration.ofSeconds((burst + perSecond - 1) / perSecond + 1).toNanos();
        this.lastSweep = new AtomicLong(time.currentTimeNanos());
    }

    /** Takes one request's token from the address's bucket, or says how long to wait for one. */
    public Decision tryAcquire(String address) {
        var probe = bucketOf(address).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds);
    }

    /** How long a bucket stays after its address's last request (it is full by then). */
    public Duration idleAfter() {
        return Duration.ofNanos(idleNanos);
    }

    /** Addresses (and the overflow, once used) holding a bucket now. */
    int size() {
        return buckets.size();
    }

    private Bucket bucketOf(String address) {
        sweepIfDue();
        Bucket known = buckets.get(address);
        if (known != null) {
            return known;
        }
        if (buckets.size() >= maxAddresses) {
            return buckets.computeIfAbsent(OVERFLOW, key -> newBucket());
        }
        return buckets.computeIfAbsent(address, key -> newBucket());
    }

    /** Drops the buckets that are full again; at most once per {@link #idleAfter()}, by one caller. */
    private void sweepIfDue() {
        long now = time.currentTimeNanos();
        long last = lastSweep.get();
        if (now - last < idleNanos || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        buckets.forEach((key, bucket) -> {
            if (bucket.getAvailableTokens() >= burst) {
                buckets.remove(key, bucket);
            }
        });
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
