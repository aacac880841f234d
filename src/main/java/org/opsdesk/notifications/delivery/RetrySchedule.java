package org.opsdesk.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * When to try again, after the Standard Webhooks / Svix schedule: the n-th entry is the wait before attempt n+1
 * (the first, normally zero, is the wait before the first attempt), each stretched or shrunk by up to 10% at
 * random so retries of many deliveries do not arrive together. A {@code Retry-After} longer than the scheduled
 * wait wins (up to a day). When the schedule is spent, the delivery has failed.
 */
final class RetrySchedule {

    static final List<Duration> STANDARD = List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

    private final List<Duration> delays;
    private final RandomGenerator random;

    RetrySchedule(List<Duration> delays, RandomGenerator random) {
        if (delays.isEmpty() || delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalStateException(
                    "opsdesk.notifications.retry-delays needs one or more non-negative durations");
        }
        this.delays = List.copyOf(delays);
        this.random = random;
    }

    /** How many attempts one round of the schedule makes. */
    int attempts() {
        return delays.size();
    }

    /** When to make the next attempt after {@code failed} failed attempts of this round, or empty: give up. */
    Optional<Instant> next(int failed, Instant now, @Nullable Duration retryAfter) {
        if (failed < 1 || failed >= delays.size()) {
            return Optional.empty();
        }
        Duration wait = jittered(delays.get(failed));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
        }
        return Optional.of(now.plus(wait));
    }

    private Duration jittered(Duration delay) {
        double factor = 0.9 + 0.2 * random.nextDouble();
        return Duration.ofNanos(Math.round(delay.toNanos() * factor));
    }
}
