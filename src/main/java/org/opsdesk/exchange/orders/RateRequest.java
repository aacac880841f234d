package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;

/** A rate change waiting for a second person (four-eyes), or how it ended. */
record RateRequest(
        UUID id,
        UUID operationId,
        BigDecimal toRate,
        String reason,
        Actor.Kind makerKind,
        String makerId,
        String makerName,
        String makerPerson,
        Instant createdAt,
        String state) {

    boolean pending() {
        return state.equals("PENDING");
    }

    /** The maker as the change is recorded in their name; the exchange module has checked what they may do. */
    Actor maker() {
        return new Actor(makerKind, makerId, makerName, Permissions.none(), makerPerson);
    }
}
