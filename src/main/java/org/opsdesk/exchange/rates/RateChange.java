package org.opsdesk.exchange.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opsdesk.shared.Keyset;

/** One entry of a pair's insert-only rate history: the rate it set, from where, by whom, when. */
record RateChange(
        UUID id,
        BigDecimal buy,
        BigDecimal sell,
        String source,
        String actorKind,
        String actorId,
        String actorName,
        Instant changedAt) {

    /** Where the next page (older entries) starts. */
    Keyset.TimeAndId position() {
        return new Keyset.TimeAndId(changedAt, id);
    }
}
