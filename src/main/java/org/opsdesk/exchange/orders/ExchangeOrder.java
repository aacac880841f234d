package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.quotes.Pricing.Fixed;
import org.opsdesk.exchange.quotes.Side;
import org.opsdesk.shared.Money;

/**
 * An order's exchange details: the operation {@code id} of type {@code exchange_order} holds its stage, status and
 * history. {@code rate} is the rate in force (a manager may have changed it); {@code quotedRate} the one the client
 * accepted. What the client was told to pay into ({@code payIn…}) is kept as told.
 */
public record ExchangeOrder(
        UUID id,
        String base,
        String quote,
        Side side,
        BigDecimal rate,
        BigDecimal quotedRate,
        Money pay,
        Money receive,
        Fixed fixed,
        PaymentReference paymentReference,
        UUID payInAccountId,
        boolean payInPaired,
        String payInBank,
        @Nullable String payInIban,
        @Nullable String payInNumber,
        @Nullable UUID payoutFromId,
        boolean payoutPaired,
        @Nullable String payoutIban,
        @Nullable String payoutAccount,
        String payoutName,
        @Nullable String payFromIban,
        @Nullable String payFromAccount,
        Instant deadline,
        String channel,
        @Nullable UUID quoteId,
        Instant createdAt) {

    /** {@code EUR/PLN}. */
    public String pair() {
        return base + "/" + quote;
    }
}
