package org.opsdesk.exchange.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A bank account as the API answers it.
 *
 * @param printedNumber the number grouped by four, as people read it
 * @param bankCode the bank code of the IBAN (or the BIC's institution and country code)
 * @param balance the balance of the last imported statement, a decimal string; null until one is imported
 * @param balanceAsOf when that balance was true
 */
record BankAccountResponse(
        UUID id,
        String bankName,
        @Nullable String bic,
        @Nullable String iban,
        @Nullable String accountNumber,
        String printedNumber,
        String bankCode,
        String currency,
        @Schema(allowableValues = {"incoming", "payout", "both"}) String purpose,
        boolean defaultIncoming,
        boolean defaultPayout,
        boolean active,
        @Nullable String balance,
        @Nullable Instant balanceAsOf,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    static BankAccountResponse of(BankAccount a) {
        return new BankAccountResponse(
                a.id(),
                a.bankName(),
                a.bic(),
                a.iban(),
                a.accountNumber(),
                a.printedNumber(),
                a.bankCode(),
                a.currency(),
                a.purpose().code(),
                a.defaultIncoming(),
                a.defaultPayout(),
                a.active(),
                a.balance() == null ? null : a.balance().toPlainString(),
                a.balanceAsOf(),
                a.createdAt(),
                a.createdBy(),
                a.updatedAt(),
                a.updatedBy());
    }
}
