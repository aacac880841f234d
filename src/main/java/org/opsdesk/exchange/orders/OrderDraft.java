package org.opsdesk.exchange.orders;

import org.jspecify.annotations.Nullable;

/**
 * An order as asked for, before any check: at the desk ({@code POST /api/v1/exchange/orders}) or from a portal
 * quote. Field names are those of the API's body, so that refusals name them.
 *
 * @param side {@code buy} (the client buys base and pays in quote) or {@code sell}
 */
public record OrderDraft(
        String subject,
        String base,
        String quote,
        String side,
        String amountValue,
        String amountCurrency,
        AccountDraft payoutAccount,
        @Nullable AccountDraft payFrom) {

    /** A client's account as typed: an IBAN or a domestic account number, the holder's name, optionally a BIC. */
    public record AccountDraft(
            @Nullable String iban, @Nullable String accountNumber, @Nullable String name, @Nullable String bic) {}
}
