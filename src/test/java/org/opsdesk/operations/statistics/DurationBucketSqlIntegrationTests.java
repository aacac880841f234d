package org.opsdesk.operations.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;

/** The buckets PostgreSQL counts durations into are the buckets the histogram reads them as. */
class DurationBucketSqlIntegrationTests extends IntegrationTest {

    @Test
    void postgresqlPutsEveryDurationInTheBucketJavaDoes() {
        List<Duration> durations = List.of(
                Duration.ZERO,
                Duration.ofNanos(999_000),
                Duration.ofMillis(1),
                Duration.ofNanos(1_044_000),
                Duration.ofMillis(2),
                Duration.ofMillis(1500),
                Duration.ofSeconds(59),
                Duration.ofMinutes(15),
                Duration.ofHours(7).plusMillis(3),
                Duration.ofDays(40),
                Duration.ofDays(365 * 50));
        for (Duration duration : durations) {
            BigDecimal seconds = new BigDecimal(duration.toNanos()).movePointLeft(9);
            int inSql = jdbc.sql("select " + DurationHistogram.BUCKET_SQL.formatted("s")
                            + " from (select cast(? as numeric) as s) v")
                    .param(seconds)
                    .query(Integer.class)
                    .single();
            assertThat(inSql).as("bucket of %s", duration).isEqualTo(DurationHistogram.bucketOf(duration));
        }
        int negative = jdbc.sql("select " + DurationHistogram.BUCKET_SQL.formatted("cast(-3 as numeric)"))
                .query(Integer.class)
                .single();
        assertThat(negative)
                .as("a negative duration (two nodes' clocks apart) counts as none")
                .isZero();
    }
}
