package org.opsdesk.exchange.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of the office's bank accounts as stored.
 *
 * @param iban the IBAN in electronic form, or null for a domestic account number
 * @param accountNumber the domestic number in electronic form, or null when the account has an IBAN
 * @param printedNumber the number grouped by four, as people read it
 * @param bankCode the bank's code from the IBAN, or the BIC's institution and country code without one
 * @param defaultIncoming whether clients pay into this account when none is at their bank
 * @param defaultPayout whether payouts leave from this account when none is at the client's bank
 * @param balance the balance of the last imported statement; null until statements are imported
 * @param balanceAsOf when that balance was true; null with it
 */
public record BankAccount(
        UUID id,
        String bankName,
        @Nullable String bic,
        @Nullable String iban,
        @Nullable String accountNumber,
        String printedNumber,
        String bankCode,
        String currency,
        Purpose purpose,
        boolean defaultIncoming,
        boolean defaultPayout,
        boolean active,
        @Nullable BigDecimal balance,
        @Nullable Instant balanceAsOf,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** The account's number, whichever kind it has, in electronic form. */
    public String number() {
        return iban != null ? iban : accountNumber;
    }

    /** This account with what people may change set anew (the change's other values stay). */
    BankAccount edited(
            String newBankName, Purpose newPurpose, boolean isDefaultIncoming, boolean isDefaultPayout, boolean on) {
        return new BankAccount(
                id,
                newBankName,
                bic,
                iban,
                accountNumber,
                printedNumber,
                bankCode,
                currency,
                newPurpose,
                isDefaultIncoming,
                isDefaultPayout,
                on,
                balance,
                balanceAsOf,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }

    BankAccount withDefaults(boolean isDefaultIncoming, boolean isDefaultPayout) {
        return edited(bankName, purpose, isDefaultIncoming, isDefaultPayout, active);
    }
}
