package org.opsdesk.provider.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a pending outcome is checked: {@code opsdesk.provider.resolver.checks}, the waits before each check in
 * turn — by default 1 minute, 5 minutes, 1 hour, then daily for 5 days (eight checks over 5 days, 1 hour and 6
 * minutes). After the last check the resolver gives up.
 */
@Component
class CheckSchedule {

    private final List<Duration> waits;

    CheckSchedule(
            @Value("${opsdesk.provider.resolver.checks:PT1M,PT5M,PT1H,P1D,P1D,P1D,P1D,P1D}") List<Duration> waits) {
        if (waits.isEmpty() || waits.stream().anyMatch(w -> w.isNegative() || w.isZero())) {
            throw new IllegalStateException("opsdesk.provider.resolver.checks must list positive waits");
        }
        this.waits = List.copyOf(waits);
    }

    /** The first check of an outcome that became pending now. */
    Instant first(Instant now) {
        return now.plus(waits.get(0));
    }

    /** The check after {@code checksDone} scheduled checks, or empty when the schedule is spent. */
    Optional<Instant> after(int checksDone, Instant now) {
        return checksDone < waits.size() ? Optional.of(now.plus(waits.get(checksDone))) : Optional.empty();
    }

    int checks() {
        return waits.size();
    }

    /** The whole schedule, as an operator reads it ({@code 5 d 1 h 6 min}). */
    String span() {
        Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
        var text = new StringBuilder();
        if (total.toDays() > 0) {
            text.append(total.toDays()).append(" d ");
        }
        if (total.toHoursPart() > 0) {
            text.append(total.toHoursPart()).append(" h ");
        }
        if (total.toMinutesPart() > 0 || text.isEmpty()) {
            text.append(total.toMinutesPart()).append(" min ");
        }
        if (total.toSecondsPart() > 0 && total.toHours() == 0) {
            text.append(total.toSecondsPart()).append(" s ");
        }
        return text.toString().strip();
    }
}
