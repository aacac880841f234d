package org.opsdesk.reports.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationFigures;

/**
 * The windowed figures (everything but the counts, which are always live) as computed at most {@code maxAge} ago,
 * per set of visible types: every operator opens the dashboard all day, and operators of one role see the same
 * types, so the database computes them once per role and period, not once per page view (ADR 0010). One computation
 * at a time per set: the others wait for it rather than start their own.
 */
final class FigureCache {

    private static final class Slot {
        @Nullable
        OperationFigures figures;

        Instant computedAt = Instant.MIN;
    }

    private final ConcurrentHashMap<Set<String>, Slot> slots = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final Clock clock;

    FigureCache(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    OperationFigures get(Set<String> visibleTypes, Supplier<OperationFigures> compute) {
        if (maxAge.isZero()) {
            return compute.get();
        }
        Slot slot = slots.computeIfAbsent(Set.copyOf(visibleTypes), key -> new Slot());
        synchronized (slot) {
            Instant now = clock.instant();
            if (slot.figures == null || !slot.computedAt.plus(maxAge).isAfter(now)) {
                slot.figures = compute.get();
                slot.computedAt = now;
            }
            return slot.figures;
        }
    }
}
