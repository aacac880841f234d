package org.opsdesk.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A summary of measured latencies in milliseconds: count, percentiles, max and mean. Every benchmark records its
 * latencies (nanoseconds) in an HdrHistogram ({@link #histogram()}) and takes its figures from there; wrk reports
 * its own percentiles, which become a Latency too.
 */
public record Latency(long count, double p50, double p95, double p99, double max, double mean) {

    /** Up to ten minutes, three significant digits: 0.1% resolution at every scale. */
    public static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    }

    /** Records one latency, clamped into the histogram's range. */
    public static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
    }

    public static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(
                h.getTotalCount(),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()),
                h.getMean() / 1e6);
    }

    /** The latency of percentile {@code q} (0..1) of the histogram, in milliseconds (NaN when it is empty). */
    public static double percentileMs(Histogram h, double q) {
        return h.getTotalCount() == 0 ? Double.NaN : ms(h.getValueAtPercentile(q * 100));
    }

    /** "1.23 ms", or "–" for NaN. */
    public static String format(double ms) {
        return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
