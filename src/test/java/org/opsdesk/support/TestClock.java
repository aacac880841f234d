package org.opsdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The integration tests' clock: the application's own (UTC, ticking in microseconds) shifted by an offset that a
 * test may set, to make history that is days old or to pass a deadline without waiting for it. It keeps ticking
 * while shifted, so changes stay in order. The whole shared application (timers, deliveries, key expiry) reads it,
 * so {@link IntegrationTest} resets it after every test.
 */
public final class TestClock extends Clock {

    private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code moment} plus the time that passes. */
    public void set(Instant moment) {
        offset = Duration.between(SYSTEM.instant(), moment.truncatedTo(ChronoUnit.MICROS));
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration.truncatedTo(ChronoUnit.MICROS));
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return SYSTEM.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application's clock is UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
