package org.opsdesk.exchange.quotes;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.quotes.Pricing.Priced;
import org.opsdesk.shared.Money;

/**
 * A price shown to a client: the pair, their side, the rate and both amounts, locked until {@code expiresAt}.
 * Accepting it once creates an order at exactly this price.
 *
 * @param subject the client it was shown to
 * @param orderId the order its acceptance created; null while unused
 */
public record Quote(
        UUID id,
        String base,
        String quote,
        Side side,
        Priced priced,
        String subject,
        Instant createdAt,
        Instant expiresAt,
        @Nullable UUID orderId) {

    /** The amount the client typed, which an order at another rate would keep. */
    public Money typed() {
        return priced.fixed() == Pricing.Fixed.PAY ? priced.pay() : priced.receive();
    }

    /** Whether it can still be accepted at {@code now}: not expired. */
    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
