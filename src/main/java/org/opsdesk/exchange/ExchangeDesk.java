package org.opsdesk.exchange;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.accounts.BankAccounts;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.ecb.EcbDay;
import org.opsdesk.exchange.ecb.EcbReferenceRates;
import org.opsdesk.exchange.rates.ExchangeMode;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Service;

/**
 * The exchange desk's configuration for other modules (the demo's first-start data today): the same checks,
 * permissions and change logs as the desk's API and pages, behind the few calls a module needs.
 */
@Service
public class ExchangeDesk {

    private final CurrencyBook currencies;
    private final RateBook rates;
    private final BankAccounts accounts;

    ExchangeDesk(CurrencyBook currencies, RateBook rates, BankAccounts accounts) {
        this.currencies = currencies;
        this.rates = rates;
        this.accounts = accounts;
    }

    /** Whether the office works with any currency yet (a fresh desk does not). */
    public boolean configured() {
        return currencies.all().stream().anyMatch(c -> c.enabled());
    }

    /**
     * Enables a currency with one order's limits (decimal strings, null: none) and its payment window (ISO-8601,
     * null: 15 minutes).
     */
    public void enableCurrency(
            String code,
            @Nullable String minAmount,
            @Nullable String maxAmount,
            @Nullable String paymentWindow,
            Actor actor) {
        currencies.update(code, true, minAmount, maxAmount, paymentWindow, actor);
    }

    /**
     * Sets a pair's rate from ECB reference rates, {@code spreadBasisPoints} around the cross rate, at {@code scale}
     * decimals, with the pair's mode ({@code automatic}, {@code semi_automatic}, {@code manual}).
     */
    public void setRateFromEcb(
            byte[] ecbFile, String base, String quote, int spreadBasisPoints, int scale, String mode, Actor actor) {
        EcbDay day = EcbReferenceRates.parse(ecbFile).latest();
        var buySell = day.buySell(base, quote, spreadBasisPoints, scale);
        rates.set(
                base,
                quote,
                buySell.buy(),
                buySell.sell(),
                ExchangeMode.ofCode(mode).orElseThrow(() -> new IllegalArgumentException("no mode " + mode)),
                "ecb",
                actor);
    }

    /** Adds one of the office's accounts (an IBAN, or a domestic number with a BIC); returns its id. */
    public UUID addBankAccount(
            String bankName, @Nullable String bic, String iban, String currency, String purpose, Actor actor) {
        return accounts.create(bankName, bic, iban, null, currency, purpose, actor)
                .id();
    }
}
