package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.accounts.BankAccountPairing;
import org.opsdesk.exchange.accounts.ClientAccount;
import org.opsdesk.exchange.accounts.NoOfficeAccount;
import org.opsdesk.exchange.accounts.PairedAccount;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.currencies.CurrencySettings;
import org.opsdesk.exchange.quotes.Pricing.Priced;
import org.opsdesk.exchange.rates.ExchangeMode;
import org.opsdesk.exchange.rates.PairRate;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What an order needs of the desk's configuration, in the words of an order: the pair's rate and mode, the
 * currencies' limits and payment windows, and the office's accounts to be paid into and to pay out from — each
 * refusal naming the field of the order it concerns.
 */
@Component
public class DeskTerms {

    /** A pair's current rate to quote at, with its mode. */
    public record PairTerms(
            CurrencyCode base, CurrencyCode quote, BigDecimal buy, BigDecimal sell, ExchangeMode mode) {}

    /** A currency the office works with: one order's limits in it (null: none) and its payment window. */
    public record CurrencyTerms(
            CurrencyCode currency,
            @Nullable BigDecimal minAmount,
            @Nullable BigDecimal maxAmount,
            Duration paymentWindow) {}

    private final RateBook rates;
    private final CurrencyBook currencies;
    private final BankAccountPairing accounts;
    private final String beneficiaryName;

    DeskTerms(
            RateBook rates,
            CurrencyBook currencies,
            BankAccountPairing accounts,
            @Value("${opsdesk.exchange.beneficiary-name:${opsdesk.portal.name:Opsdesk}}") String beneficiaryName) {
        this.rates = rates;
        this.currencies = currencies;
        this.accounts = accounts;
        this.beneficiaryName = beneficiaryName;
    }

    /**
     * The pair's terms for a new quote.
     *
     * @throws InvalidInput naming {@code base} or {@code quote} for a currency the desk does not work with, and
     *     {@code quote} when the pair has no rate or it is older than the desk's maximum age
     */
    public PairTerms quotable(String base, String quote) {
        String field = "quote";
        currency("base", base);
        currency("quote", quote);
        PairRate rate = rates.current(base, quote)
                .orElseThrow(() -> InvalidInput.of(field, "the desk has no rate for " + base + "/" + quote));
        switch (rate.quotability()) {
            case STALE ->
                throw InvalidInput.of(
                        field,
                        "the rate of " + base + "/" + quote
                                + " is older than the desk allows: no new orders until it is set again");
            case CURRENCY_DISABLED ->
                throw InvalidInput.of(field, "the desk does not work with " + base + "/" + quote + " now");
            case QUOTABLE -> {}
        }
        return new PairTerms(
                currencies.currency(base), currencies.currency(quote), rate.buy(), rate.sell(), rate.mode());
    }

    /** The pair's mode now; {@link ExchangeMode#MANUAL} for a pair the desk does not know (any more). */
    public ExchangeMode mode(String base, String quote) {
        return rates.current(base, quote).map(PairRate::mode).orElse(ExchangeMode.MANUAL);
    }

    /**
     * An enabled currency's terms.
     *
     * @throws InvalidInput naming {@code field} when the currency is unknown or not enabled
     */
    public CurrencyTerms currency(String field, String code) {
        CurrencySettings settings;
        try {
            settings = currencies.settings(code);
        } catch (NotFound unknown) {
            throw InvalidInput.of(
                    field,
                    "'" + code + "' is not a currency of the ISO 4217 dictionary or the configured crypto assets");
        }
        if (!settings.enabled()) {
            throw InvalidInput.of(field, "the desk does not work with " + code);
        }
        return new CurrencyTerms(
                settings.currency(), settings.minAmount(), settings.maxAmount(), settings.paymentWindow());
    }

    /**
     * The office's account the client pays into: at the bank of {@code payFrom} where the office has one there,
     * otherwise the currency's default.
     *
     * @throws InvalidInput naming {@code field} when the office has no account for it
     */
    public PairedAccount payIn(String field, String currency, @Nullable ClientAccount payFrom) {
        try {
            return payFrom == null ? accounts.payIn(currency) : accounts.payIn(currency, payFrom);
        } catch (NoOfficeAccount none) {
            throw InvalidInput.of(field, "the office has no account to be paid in " + currency + " into");
        }
    }

    /** The office's account the payout leaves from, paired with the client's bank where possible; null if none. */
    public @Nullable PairedAccount payoutFrom(String currency, ClientAccount payoutTo) {
        return accounts.findPayOut(currency, payoutTo).orElse(null);
    }

    /**
     * Checks both amounts of a priced exchange against their currency's limits.
     *
     * @return the terms of the currency the client pays in (its payment window sets the deadline)
     * @throws InvalidInput naming {@code amount.value} when either amount is beyond its currency's limits
     */
    public CurrencyTerms withinLimits(Priced priced, CurrencyTerms baseTerms, CurrencyTerms quoteTerms) {
        CurrencyTerms payTerms = priced.pay().currency().equals(baseTerms.currency()) ? baseTerms : quoteTerms;
        CurrencyTerms receiveTerms = payTerms == baseTerms ? quoteTerms : baseTerms;
        withinLimits(priced.pay(), payTerms, "pays");
        withinLimits(priced.receive(), receiveTerms, "receives");
        return payTerms;
    }

    /** The office's name as the client's transfer names the beneficiary. */
    public String beneficiaryName() {
        return beneficiaryName;
    }

    private static void withinLimits(Money money, CurrencyTerms terms, String verb) {
        if (terms.minAmount() != null && money.amount().compareTo(terms.minAmount()) < 0) {
            throw InvalidInput.of(
                    "amount.value",
                    "the client " + verb + " " + money + ", below the desk's minimum of "
                            + terms.minAmount().toPlainString() + " "
                            + money.currency().code());
        }
        if (terms.maxAmount() != null && money.amount().compareTo(terms.maxAmount()) > 0) {
            throw InvalidInput.of(
                    "amount.value",
                    "the client " + verb + " " + money + ", above the desk's maximum of "
                            + terms.maxAmount().toPlainString() + " "
                            + money.currency().code());
        }
    }
}
