package org.opsdesk.banking.payfiles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.opsdesk.shared.CurrencyCode;

/**
 * What one payout file carries: the office paying from one account ({@link PayoutDebtor}) in one currency on one
 * requested execution date, and one {@link PayoutItem} per order or refund. Values as the caller holds them;
 * {@link PayoutBatchCheck} decides whether a bank would take them.
 *
 * @param messageId the file's identification ({@code GrpHdr/MsgId}, also the payment information id): unique per
 *     office for the bank to detect a file sent twice, at most 35 characters of the SEPA set
 * @param createdAt when the file was created ({@code CreDtTm}), written in UTC
 * @param currency the currency of every item, with the ISO 4217 number of decimals amounts carry
 */
public record PayoutBatch(
        String messageId,
        Instant createdAt,
        PayoutDebtor debtor,
        LocalDate requestedExecutionDate,
        CurrencyCode currency,
        List<PayoutItem> items) {

    public PayoutBatch {
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(debtor);
        Objects.requireNonNull(requestedExecutionDate);
        Objects.requireNonNull(currency);
        items = List.copyOf(items);
    }
}
