package org.opsdesk.operations.statistics;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Durations counted in logarithmic buckets, so that the stored daily figures stay the same small size however many
 * operations a day sees, and days add up by adding their counts. Bucket 0 holds durations under a millisecond;
 * bucket {@code k ≥ 1} holds durations from {@code 1 ms · 2^((k-1)/16)} up to (not including)
 * {@code 1 ms · 2^(k/16)}, so a bucket is about 4.4% wide and a percentile read from the buckets is within
 * {@value #RELATIVE_ERROR_PERCENT}% of the exact one (plus half a millisecond for sub-millisecond durations).
 * {@link #BUCKET_SQL} is the same bucketing in SQL, used where the durations are counted.
 */
public final class DurationHistogram {

    /** Buckets per doubling of the duration. */
    static final int STEPS_PER_DOUBLING = 16;

    /** The last bucket is open-ended: about 19 years. */
    static final int LAST_BUCKET = 40 * STEPS_PER_DOUBLING;

    /** How far a percentile read from the buckets may be from the exact one, relative (2^(1/32) − 1, rounded up). */
    public static final double RELATIVE_ERROR_PERCENT = 2.2;

    /**
     * The bucket of {@code seconds} (a numeric SQL expression) in SQL; keep in step with {@link #bucketOf}. Negative
     * durations (clocks of two nodes a little apart) count as zero.
     */
    static final String BUCKET_SQL = "(case when (%1$s) < 0.001 then 0 else least(" + LAST_BUCKET
            + ", floor(ln(((%1$s) * 1000)::float8) / ln(2) * " + STEPS_PER_DOUBLING + ")::int + 1) end)";

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    public static int bucketOf(Duration duration) {
        double milliseconds = duration.toNanos() / 1_000_000d;
        if (milliseconds < 1) {
            return 0;
        }
        int bucket = (int) Math.floor(Math.log(milliseconds) / Math.log(2) * STEPS_PER_DOUBLING) + 1;
        return Math.min(LAST_BUCKET, bucket);
    }

    /** What a duration in this bucket is read as: the geometric middle of its bounds (half a millisecond for 0). */
    static double secondsOf(int bucket) {
        if (bucket == 0) {
            return 0.0005;
        }
        return 0.001 * Math.pow(2, (bucket - 0.5) / STEPS_PER_DOUBLING);
    }

    public void add(int bucket, long count) {
        if (bucket < 0 || bucket > LAST_BUCKET) {
            throw new IllegalArgumentException("no bucket " + bucket);
        }
        if (count <= 0) {
            return;
        }
        counts.merge(bucket, count, Long::sum);
        total += count;
    }

    public void add(Duration duration) {
        add(bucketOf(duration), 1);
    }

    public void addAll(DurationHistogram other) {
        other.counts.forEach(this::add);
    }

    public long total() {
        return total;
    }

    /** Non-empty buckets in ascending order, for storing: the bucket numbers. */
    public Integer[] buckets() {
        return counts.keySet().toArray(Integer[]::new);
    }

    /** Non-empty buckets in ascending order, for storing: their counts, in the order of {@link #buckets()}. */
    public Long[] counts() {
        return counts.values().toArray(Long[]::new);
    }

    /**
     * The percentile as PostgreSQL's {@code percentile_cont} takes it over the durations (linear between the two
     * nearest ranks), with every duration read as its bucket's middle; null when nothing was counted.
     */
    public @Nullable Duration percentile(double fraction) {
        if (total == 0) {
            return null;
        }
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("a fraction between 0 and 1, not " + fraction);
        }
        double rank = fraction * (total - 1);
        long lower = (long) Math.floor(rank);
        double below = secondsAtRank(lower);
        double above = lower + 1 < total ? secondsAtRank(lower + 1) : below;
        double seconds = below + (rank - lower) * (above - below);
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    /** The duration (as its bucket's middle) of the value at this 0-based rank in ascending order. */
    private double secondsAtRank(long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (rank < seen) {
                return secondsOf(bucket.getKey());
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + total);
    }
}
