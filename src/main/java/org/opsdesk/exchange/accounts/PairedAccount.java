package org.opsdesk.exchange.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The office's account chosen for one side of an order.
 *
 * @param bankAccountId the office account's id
 * @param iban its IBAN, or null when it has a domestic number
 * @param accountNumber its domestic number, or null when it has an IBAN
 * @param printedNumber its number grouped by four, as shown to the client
 * @param pairedByBank true when it is at the client's bank (a same-bank transfer: minutes, no fee); false when it
 *     is the currency's default account
 */
public record PairedAccount(
        UUID bankAccountId,
        String bankName,
        @Nullable String bic,
        @Nullable String iban,
        @Nullable String accountNumber,
        String printedNumber,
        String currency,
        boolean pairedByBank) {

    static PairedAccount of(BankAccount account, boolean pairedByBank) {
        return new PairedAccount(
                account.id(),
                account.bankName(),
                account.bic(),
                account.iban(),
                account.accountNumber(),
                account.printedNumber(),
                account.currency(),
                pairedByBank);
    }
}
