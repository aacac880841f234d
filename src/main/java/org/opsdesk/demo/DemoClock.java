package org.opsdesk.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The application's clock in demo mode: the configured clock, except on the thread that is seeding the demo's past
 * while it replays one action ({@link #at}), where it reads that past moment (and keeps ticking from it, so the
 * entries of one action stay in order). Every other thread — requests, timers, the relay — reads the real time
 * even while the seeding runs. Nothing outside this package can move it, and it is installed only in demo mode
 * ({@link DemoClockInstaller}); ADR 0020 says why history is backdated this way.
 */
final class DemoClock extends Clock {

    private final Clock delegate;
    private final ThreadLocal<@Nullable Duration> shift = new ThreadLocal<>();

    DemoClock(Clock delegate) {
        this.delegate = delegate;
    }

    /** Runs the action on this thread as if it were {@code moment}, which must lie in the past. */
    <T> T at(Instant moment, Supplier<T> action) {
        Instant now = delegate.instant();
        if (!moment.isBefore(now)) {
            throw new IllegalArgumentException("the demo's past must lie in the past: " + moment);
        }
        shift.set(Duration.between(now, moment.truncatedTo(ChronoUnit.MICROS)));
        try {
            return action.get();
        } finally {
            shift.remove();
        }
    }

    /** The real time, whatever the thread: what the seeding plans its past from. */
    Instant realNow() {
        return delegate.instant();
    }

    @Override
    public Instant instant() {
        Duration shifted = shift.get();
        Instant now = delegate.instant();
        return shifted == null ? now : now.plus(shifted);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application's clock keeps its zone");
    }
}
