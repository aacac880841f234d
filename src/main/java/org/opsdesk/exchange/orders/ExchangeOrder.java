package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.quotes.Pricing.Fixed;
import org.opsdesk.exchange.quotes.Pricing.Priced;
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

    /** The same order under the id of the operation that holds it, known only once that operation is created. */
    ExchangeOrder withId(UUID operationId) {
        return with(operationId, rate, pay, receive);
    }

    /**
     * The order at a changed rate: the rate and both amounts from {@code repriced}. The rate the client accepted,
     * the side whose amount was typed and everything the client was told to pay into stay as they were.
     */
    ExchangeOrder repricedAt(Priced repriced) {
        return with(id, repriced.rate(), repriced.pay(), repriced.receive());
    }

    /** The one copy of every field: what may change after the order is built are its id, rate and amounts. */
    private ExchangeOrder with(UUID id, BigDecimal rate, Money pay, Money receive) {
        return new ExchangeOrder(
                id,
                base,
                quote,
                side,
                rate,
                quotedRate,
                pay,
                receive,
                fixed,
                paymentReference,
                payInAccountId,
                payInPaired,
                payInBank,
                payInIban,
                payInNumber,
                payoutFromId,
                payoutPaired,
                payoutIban,
                payoutAccount,
                payoutName,
                payFromIban,
                payFromAccount,
                deadline,
                channel,
                quoteId,
                createdAt);
    }

    /** Its price as it stands, for {@link org.opsdesk.exchange.quotes.Pricing#reprice}. */
    Priced priced() {
        return new Priced(pay, receive, rate, fixed);
    }
}
