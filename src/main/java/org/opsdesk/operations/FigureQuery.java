package org.opsdesk.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What {@link OperationStatistics#figures} is asked for.
 *
 * @param asOf the moment the figures describe (normally now)
 * @param days how many UTC days, today included, the per-day flow and the windowed figures cover
 * @param slaByType service level per operation type; a type not listed gets {@code defaultSla}
 */
public record FigureQuery(Instant asOf, int days, Map<String, Duration> slaByType, Duration defaultSla) {

    public FigureQuery {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366, not " + days);
        }
        slaByType = Map.copyOf(slaByType);
    }

    public Duration sla(String type) {
        return slaByType.getOrDefault(type, defaultSla);
    }
}
