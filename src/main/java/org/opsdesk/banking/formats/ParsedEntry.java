package org.opsdesk.banking.formats;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;

/**
 * One booked movement of a statement, whatever the file format.
 *
 * @param bookingDate the day the bank booked it
 * @param valueDate the day it counts for interest, when the bank gives it
 * @param amount always positive, at the currency's ISO 4217 scale; {@link #direction()} says which way it moved
 * @param remittance the payer's text (all remittance lines joined by a space, whitespace collapsed)
 * @param endToEndId the end-to-end id the originator gave (camt {@code EndToEndId}, MT940 {@code EREF})
 * @param bankReference the bank's own reference (camt {@code AcctSvcrRef}, MT940 :61: reference for the bank)
 * @param raw the entry as it stands in the file (MT940 :61: and :86: text, camt entry summary), for people
 */
public record ParsedEntry(
        LocalDate bookingDate,
        @Nullable LocalDate valueDate,
        Money amount,
        Direction direction,
        Counterparty counterparty,
        @Nullable String remittance,
        @Nullable String endToEndId,
        @Nullable String bankReference,
        String raw) {

    public ParsedEntry {
        Objects.requireNonNull(bookingDate);
        if (amount.amount().signum() < 0) {
            throw new IllegalArgumentException("entry amounts are positive; the direction carries the sign");
        }
        remittance = Texts.clean(remittance);
        endToEndId = Texts.clean(endToEndId);
        bankReference = Texts.clean(bankReference);
    }

    /** The amount with the sign of its direction, as it moves the balance. */
    public java.math.BigDecimal signedAmount() {
        return direction == Direction.CREDIT ? amount.amount() : amount.amount().negate();
    }
}
