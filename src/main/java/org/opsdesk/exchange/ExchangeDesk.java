package org.opsdesk.exchange;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.accounts.BankAccounts;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.ecb.EcbDay;
import org.opsdesk.exchange.ecb.EcbReferenceRates;
import org.opsdesk.exchange.orders.OrderDraft.AccountDraft;
import org.opsdesk.exchange.portal.ClientActor;
import org.opsdesk.exchange.quotes.Quotes;
import org.opsdesk.exchange.rates.ExchangeMode;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.portal.PayoutAccount;
import org.opsdesk.portal.PortalClient;
import org.opsdesk.portal.PortalClients;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange desk's configuration, and portal clients' orders, for other modules (the demo's first-start data
 * today): the same checks, permissions and change logs as the desk's API and pages, behind the few calls a module
 * needs.
 */
@Service
public class ExchangeDesk {

    private final CurrencyBook currencies;
    private final RateBook rates;
    private final BankAccounts accounts;
    private final Quotes quotes;
    private final PortalClients clients;

    ExchangeDesk(CurrencyBook currencies, RateBook rates, BankAccounts accounts, Quotes quotes, PortalClients clients) {
        this.currencies = currencies;
        this.rates = rates;
        this.accounts = accounts;
        this.quotes = quotes;
        this.clients = clients;
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

    /**
     * Places a portal client's order as the portal's Exchange page does when they accept a quote at once: a quote
     * at the pair's current rate for {@code amount} in {@code currency}, accepted by the portal acting for the
     * client (channel {@code portal}, the deadline the payment window of the currency they pay in), paid out to
     * the account they registered for the currency they receive. Dated by the application's clock.
     *
     * @param side the client's side: {@code buy} (they buy base, paying in quote) or {@code sell}
     * @return the order's id, which is its {@code exchange_order} operation's
     * @throws NotFound when no portal client has this subject
     * @throws IllegalStateException when the client may not order this amount (their identity is not verified) or
     *     registered no account for the currency they would receive
     * @throws InvalidInput as a quote refuses the pair, the side or the amount
     */
    @Transactional
    public UUID placePortalOrder(
            String subject, String base, String quote, String side, String amount, String currency) {
        PortalClient client = clients.bySubject(subject).orElseThrow(() -> new NotFound("portal client", subject));
        var offer = quotes.price(base, quote, side, amount, currency);
        if (!clients.mayOrder(client, offer.priced().pay())) {
            throw new IllegalStateException(subject + " may not order "
                    + offer.priced().pay() + " (KYC " + client.kyc().code() + ")");
        }
        String receives = offer.priced().receive().currency().code();
        PayoutAccount payout = client.payoutAccounts().stream()
                .filter(account -> account.currency().code().equals(receives))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(subject + " has no payout account in " + receives));
        Actor portal = ClientActor.of(client);
        var locked = quotes.quote(subject, base, quote, side, amount, currency, portal);
        return quotes.accept(
                        locked.id(),
                        subject,
                        new AccountDraft(payout.iban().value(), null, client.displayName(), null),
                        portal)
                .order()
                .id();
    }
}
