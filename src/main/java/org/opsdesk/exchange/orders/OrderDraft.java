package org.opsdesk.exchange.orders;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.quotes.Pricing.Priced;

/**
 * An order as asked for, before any check: at the desk ({@code POST /api/v1/exchange/orders}) or from a portal
 * quote. Field names are those of the API's body, so that refusals name them.
 *
 * @param side {@code buy} (the client buys base and pays in quote) or {@code sell}
 * @param locked the quote the client accepted, whose rate and amounts the order takes instead of the pair's
 *     current rate; null at the desk and through the API
 */
public record OrderDraft(
        String subject,
        String base,
        String quote,
        String side,
        String amountValue,
        String amountCurrency,
        AccountDraft payoutAccount,
        @Nullable AccountDraft payFrom,
        @Nullable LockedQuote locked) {

    /** An order at the pair's current rate. */
    public OrderDraft(
            String subject,
            String base,
            String quote,
            String side,
            String amountValue,
            String amountCurrency,
            AccountDraft payoutAccount,
            @Nullable AccountDraft payFrom) {
        this(subject, base, quote, side, amountValue, amountCurrency, payoutAccount, payFrom, null);
    }

    /** A quote's locked price: the order keeps its rate and both amounts, and records the quote's id. */
    public record LockedQuote(UUID quoteId, Priced priced) {}

    /** A client's account as typed: an IBAN or a domestic account number, the holder's name, optionally a BIC. */
    public record AccountDraft(
            @Nullable String iban, @Nullable String accountNumber, @Nullable String name, @Nullable String bic) {}
}
