package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void followsTheStandardWebhooksScheduleAndGivesUpAfterTheEighthAttempt() {
        var schedule = new RetrySchedule(RetrySchedule.STANDARD, fixed(0.5));

        assertThat(schedule.attempts()).isEqualTo(8);
        assertThat(schedule.next(1, NOW, null)).contains(NOW.plusSeconds(5));
        assertThat(schedule.next(2, NOW, null)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(3, NOW, null)).contains(NOW.plus(Duration.ofMinutes(30)));
        assertThat(schedule.next(4, NOW, null)).contains(NOW.plus(Duration.ofHours(2)));
        assertThat(schedule.next(5, NOW, null)).contains(NOW.plus(Duration.ofHours(5)));
        assertThat(schedule.next(6, NOW, null)).contains(NOW.plus(Duration.ofHours(10)));
        assertThat(schedule.next(7, NOW, null)).contains(NOW.plus(Duration.ofHours(10)));
        assertThat(schedule.next(8, NOW, null)).isEmpty();
    }

    @Test
    void jittersEachWaitByAtMostTenPercent() {
        assertThat(new RetrySchedule(RetrySchedule.STANDARD, fixed(0.0)).next(2, NOW, null))
                .contains(NOW.plusSeconds(270));
        assertThat(new RetrySchedule(RetrySchedule.STANDARD, fixed(0.999999)).next(2, NOW, null))
                .hasValueSatisfying(at -> assertThat(at)
                        .isAfter(NOW.plusSeconds(329))
                        .isBefore(NOW.plusSeconds(330).plusMillis(1)));
    }

    @Test
    void aLongerRetryAfterWinsUpToADayAndAShorterOneIsIgnored() {
        var schedule = new RetrySchedule(RetrySchedule.STANDARD, fixed(0.5));

        assertThat(schedule.next(1, NOW, Duration.ofSeconds(90))).contains(NOW.plusSeconds(90));
        assertThat(schedule.next(2, NOW, Duration.ofSeconds(1))).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(1, NOW, Duration.ofDays(30))).contains(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void refusesAnEmptyOrNegativeSchedule() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(), fixed(0.5))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), fixed(0.5)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
