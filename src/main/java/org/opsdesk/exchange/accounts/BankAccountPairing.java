package org.opsdesk.exchange.accounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.opsdesk.shared.Iban;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses the office's account for each side of an order, so that money moves between accounts at the same bank
 * where it can: such transfers arrive in minutes and cost nothing.
 *
 * <ul>
 *   <li>{@link #payIn}: the enabled account in the currency the client pays in, for incoming payments ({@code
 *       incoming} or {@code both}), at the bank of the account the client pays from; otherwise the currency's
 *       default account for incoming payments.
 *   <li>{@link #payOut}: likewise for payouts ({@code payout} or {@code both}), at the bank of the client's payout
 *       account; otherwise the currency's default account for payouts.
 * </ul>
 *
 * The bank is known from the IBAN's country and bank code, or from the BIC's institution and country code (see
 * {@link ClientAccount}). Among several accounts at the client's bank, the oldest wins. The answer says whether
 * the account was paired by bank. Without a match and without a default, {@link NoOfficeAccount} is thrown.
 *
 * <p>{@link #reserve} is what the office holds in a currency, for the public rate files.
 */
@Service
@Transactional(readOnly = true)
public class BankAccountPairing {

    private final BankAccountStore accounts;

    BankAccountPairing(BankAccountStore accounts) {
        this.accounts = accounts;
    }

    /**
     * The office's account into which the client pays {@code currency} from {@code from}.
     *
     * @param currency the ISO 4217 (or configured) code of the currency the client pays in
     * @throws NoOfficeAccount when no enabled account takes incoming payments in that currency
     */
    public PairedAccount payIn(String currency, ClientAccount from) {
        return choose(accounts.active(currency), from, a -> a.purpose().receives(), BankAccount::defaultIncoming)
                .orElseThrow(() -> new NoOfficeAccount(currency, "incoming payments"));
    }

    /**
     * The currency's default incoming account, for a client who did not say which account they pay from.
     *
     * @throws NoOfficeAccount when no enabled account takes incoming payments in that currency
     */
    public PairedAccount payIn(String currency) {
        return payIn(currency, ClientAccount.unknown());
    }

    /**
     * The office's account from which {@code currency} is paid out to {@code to}.
     *
     * @param currency the code of the currency the client receives
     * @throws NoOfficeAccount when no enabled account sends payouts in that currency
     */
    public PairedAccount payOut(String currency, ClientAccount to) {
        return findPayOut(currency, to).orElseThrow(() -> new NoOfficeAccount(currency, "payouts"));
    }

    /**
     * As {@link #payOut}, empty where the office has no account for it yet (an order is placed before its payout
     * is prepared; refusing here would mark the caller's transaction for rollback).
     */
    public Optional<PairedAccount> findPayOut(String currency, ClientAccount to) {
        return choose(accounts.active(currency), to, a -> a.purpose().pays(), BankAccount::defaultPayout);
    }

    /**
     * The reserve of a currency: the sum of the last imported balances of the office's enabled accounts in it —
     * zero until statements are imported.
     */
    public BigDecimal reserve(String currency) {
        return accounts.reserve(currency);
    }

    /** The rule itself, on a currency's enabled accounts (oldest first); kept apart from the database for tests. */
    static Optional<PairedAccount> choose(
            List<BankAccount> active,
            ClientAccount client,
            Predicate<BankAccount> fits,
            Predicate<BankAccount> isDefault) {
        BankIdentity clientBank = client.bank();
        if (clientBank.known()) {
            var sameBank = active.stream()
                    .filter(fits)
                    .filter(a -> identity(a).sameBankAs(clientBank))
                    .findFirst();
            if (sameBank.isPresent()) {
                return sameBank.map(a -> PairedAccount.of(a, true));
            }
        }
        return active.stream().filter(fits).filter(isDefault).findFirst().map(a -> PairedAccount.of(a, false));
    }

    private static BankIdentity identity(BankAccount account) {
        return BankIdentity.of(account.iban() == null ? null : new Iban(account.iban()), account.bic());
    }
}
