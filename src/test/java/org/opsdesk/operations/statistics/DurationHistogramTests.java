package org.opsdesk.operations.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationHistogramTests {

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026})
    void percentilesStayWithinTheDocumentedErrorOfTheExactOnes(long seed) {
        // durations from a millisecond to ten days, spread evenly on a log scale, as stage times are
        var random = new Random(seed);
        var exact = new ArrayList<Double>();
        var histogram = new DurationHistogram();
        for (int i = 0; i < 5_000; i++) {
            double seconds = 0.001 * Math.pow(10, random.nextDouble() * 9);
            exact.add(seconds);
            histogram.add(Duration.ofNanos(Math.round(seconds * 1e9)));
        }
        assertThat(histogram.total()).isEqualTo(5_000);
        for (double fraction : new double[] {0, 0.1, 0.5, 0.9, 0.99, 1}) {
            double expected = percentile(exact, fraction);
            assertThat(seconds(histogram.percentile(fraction)))
                    .as("p%s", fraction * 100)
                    .isCloseTo(expected, within(expected * DurationHistogram.RELATIVE_ERROR_PERCENT / 100));
        }
    }

    @Test
    void daysAddUpToTheHistogramOfAllTheirDurations() {
        var monday = new DurationHistogram();
        var tuesday = new DurationHistogram();
        var both = new DurationHistogram();
        for (int minutes = 1; minutes <= 90; minutes++) {
            (minutes % 3 == 0 ? monday : tuesday).add(Duration.ofMinutes(minutes));
            both.add(Duration.ofMinutes(minutes));
        }
        var added = new DurationHistogram();
        added.addAll(monday);
        added.addAll(tuesday);

        assertThat(added.buckets()).containsExactly(both.buckets());
        assertThat(added.counts()).containsExactly(both.counts());
        assertThat(added.percentile(0.5)).isEqualTo(both.percentile(0.5));
        assertThat(added.percentile(0.9)).isEqualTo(both.percentile(0.9));
    }

    @Test
    void bucketsStartAtAMillisecondAndDoubleEverySixteen() {
        assertThat(DurationHistogram.bucketOf(Duration.ZERO)).isZero();
        assertThat(DurationHistogram.bucketOf(Duration.ofNanos(999_999))).isZero();
        assertThat(DurationHistogram.bucketOf(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(DurationHistogram.bucketOf(Duration.ofMillis(2))).isEqualTo(17);
        assertThat(DurationHistogram.bucketOf(Duration.ofSeconds(1))).isEqualTo(160);
        assertThat(DurationHistogram.bucketOf(Duration.ofDays(365 * 100)))
                .as("a century falls in the open-ended last bucket")
                .isEqualTo(DurationHistogram.LAST_BUCKET);
    }

    @Test
    void aSingleDurationIsReadBackWithinTheErrorAndAnEmptyHistogramHasNoPercentile() {
        var histogram = new DurationHistogram();
        assertThat(histogram.percentile(0.5)).isNull();

        histogram.add(Duration.ofMinutes(15));

        assertThat(seconds(histogram.percentile(0.5))).isCloseTo(900, within(900 * 0.022));
        assertThat(histogram.percentile(0)).isEqualTo(histogram.percentile(1));
    }

    @Test
    void refusesBucketsThatDoNotExistAndFractionsOutsideZeroToOne() {
        var histogram = new DurationHistogram();
        assertThatThrownBy(() -> histogram.add(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> histogram.add(DurationHistogram.LAST_BUCKET + 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        histogram.add(Duration.ofSeconds(1));
        assertThatThrownBy(() -> histogram.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** As PostgreSQL's percentile_cont: linear between the two nearest values. */
    private static double percentile(List<Double> values, double fraction) {
        var sorted = values.stream().sorted().toList();
        double position = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
