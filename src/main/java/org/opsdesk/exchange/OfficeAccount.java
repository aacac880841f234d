package org.opsdesk.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One of the office's bank accounts, as other modules see it (the bank side reads statements of it, pays out from
 * it).
 *
 * @param iban the IBAN in electronic form, or null for a domestic account number
 * @param accountNumber the domestic number in electronic form, or null when the account has an IBAN
 * @param purpose {@code incoming}, {@code payout} or {@code both}
 * @param balance the balance of the last imported statement; null until one is imported
 * @param balanceAsOf the end of the day that balance was true for; null with it
 */
public record OfficeAccount(
        UUID id,
        String bankName,
        @Nullable String bic,
        @Nullable String iban,
        @Nullable String accountNumber,
        String currency,
        String purpose,
        boolean active,
        @Nullable BigDecimal balance,
        @Nullable Instant balanceAsOf) {

    /** The account's number, whichever kind it has, in electronic form. */
    public String number() {
        return iban != null ? iban : accountNumber;
    }

    /** Whether payouts may leave from it. */
    public boolean paysOut() {
        return !"incoming".equals(purpose);
    }
}
