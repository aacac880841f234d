package org.opsdesk.banking.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A credit entry of a statement as matching reads it. */
record EntryToMatch(
        long id,
        UUID importId,
        UUID bankAccountId,
        BigDecimal amount,
        String currency,
        LocalDate bookingDate,
        @Nullable String counterpartyName,
        @Nullable String counterpartyIban,
        @Nullable String remittance,
        @Nullable String bankReference,
        @Nullable String endToEndId) {

    /** The payer's IBAN as orders hold it: upper case, no spaces; null when the bank gave none. */
    @Nullable
    String payerIban() {
        if (counterpartyIban == null || counterpartyIban.isBlank()) {
            return null;
        }
        return counterpartyIban.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    }
}
