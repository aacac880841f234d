package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Iban;

/**
 * What an order needs of the desk's configuration: the pair's rate and mode, the currencies' limits and payment
 * windows, and the office's accounts to be paid into and to pay out from. One seam, so that orders do not reach
 * into how rates and accounts are kept.
 */
public interface DeskTerms {

    /** How a pair is worked: who confirms the payment, releases the payout and confirms completion. */
    enum Mode {
        /** Statement matching and the payout run without a person. */
        AUTOMATIC,
        /** Matching is automatic; a cashier releases the payout. */
        SEMI_AUTOMATIC,
        /** A cashier confirms the payment and the completion by hand. */
        MANUAL
    }

    /** A pair's current rate to quote at, with its mode. */
    record PairTerms(CurrencyCode base, CurrencyCode quote, BigDecimal buy, BigDecimal sell, Mode mode) {}

    /** A currency the office works with: one order's limits in it (null: none) and its payment window. */
    record CurrencyTerms(
            CurrencyCode currency,
            @Nullable BigDecimal minAmount,
            @Nullable BigDecimal maxAmount,
            Duration paymentWindow) {}

    /** A client's bank account, as the client gave it. */
    record ClientAccount(@Nullable Iban iban, @Nullable String accountNumber, @Nullable String bic) {}

    /** One of the office's accounts, and whether it was chosen for being at the client's bank. */
    record OfficeAccount(
            UUID id,
            String bankName,
            @Nullable String iban,
            @Nullable String accountNumber,
            @Nullable String bic,
            boolean paired) {}

    /**
     * The pair's terms for a new quote.
     *
     * @throws org.opsdesk.shared.InvalidInput naming {@code field} when the pair has no rate, a currency is not
     *     enabled, or the rate is older than the desk's maximum age
     */
    PairTerms quotable(String field, String base, String quote);

    /** The pair's mode now, {@link Mode#MANUAL} for a pair the desk does not know (any more). */
    Mode mode(String base, String quote);

    /**
     * An enabled currency's terms.
     *
     * @throws org.opsdesk.shared.InvalidInput naming {@code field} when the currency is unknown or not enabled
     */
    CurrencyTerms currency(String field, String code);

    /**
     * The office's account the client pays into: in {@code currency}, at the bank of {@code payFrom} where the
     * office has one there, otherwise the currency's default.
     *
     * @throws org.opsdesk.shared.InvalidInput naming {@code field} when the office has no account for it
     */
    OfficeAccount payIn(String field, String currency, @Nullable ClientAccount payFrom);

    /** The office's account the payout leaves from, paired with the client's bank where possible; null if none. */
    @Nullable
    OfficeAccount payoutFrom(String currency, ClientAccount payoutTo);

    /** The office's name as the client's transfer names the beneficiary. */
    String beneficiaryName();
}
