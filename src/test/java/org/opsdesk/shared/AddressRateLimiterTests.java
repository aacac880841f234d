package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AddressRateLimiterTests {

    /** Time that moves only when the test says so. */
    static final class ManualTime implements TimeMeter {
        long nanos = 1_000_000_000L;

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();

    @Test
    void allowsTheBurstThenRefusesWithTheWaitUntilTheNextToken() {
        var limiter = new AddressRateLimiter(2, 5, 100, time);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isTrue();
        }
        var refused = limiter.tryAcquire("198.51.100.1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1); // half a second, rounded up
        time.advance(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isFalse();
    }

    @Test
    void eachAddressHasItsOwnBucket() {
        var limiter = new AddressRateLimiter(1, 1, 100, time);
        assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("198.51.100.1").allowed()).isFalse();
        assertThat(limiter.tryAcquire("198.51.100.2").allowed()).isTrue();
    }

    @Test
    void dropsBucketsThatFilledUpAgainAndKeepsBusyOnes() {
        var limiter = new AddressRateLimiter(10, 20, 1000, time);
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("203.0.113." + i);
        }
        assertThat(limiter.size()).isEqualTo(100);
        time.advance(limiter.idleAfter());
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("198.51.100.9").allowed()).isTrue(); // the first one sweeps
        }
        assertThat(limiter.size()).as("the idle buckets are gone").isEqualTo(1);
        time.advance(Duration.ofMillis(50));
        assertThat(limiter.tryAcquire("198.51.100.9").allowed())
                .as("the busy bucket was kept, not reset")
                .isFalse();
    }

    @Test
    void aFloodOfAddressesSharesOneOverflowBucketInsteadOfGrowingTheTable() {
        var limiter = new AddressRateLimiter(1, 3, 50, time);
        int allowed = 0;
        for (int i = 0; i < 10_000; i++) {
            if (limiter.tryAcquire("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256))
                    .allowed()) {
                allowed++;
            }
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(51);
        assertThat(allowed).isEqualTo(50 + 3); // each tracked address once, then the overflow's burst
        assertThat(limiter.tryAcquire("10.0.0.0").allowed())
                .as("an address known before the flood keeps its own bucket")
                .isTrue();
    }

    @Test
    void refusesSettingsBelowOne() {
        assertThatThrownBy(() -> new AddressRateLimiter(0, 10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
