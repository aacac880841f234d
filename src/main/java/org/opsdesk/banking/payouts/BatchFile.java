package org.opsdesk.banking.payouts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opsdesk.banking.payfiles.CreditorAccount;
import org.opsdesk.banking.payfiles.PayoutBatch;
import org.opsdesk.banking.payfiles.PayoutDebtor;
import org.opsdesk.banking.payfiles.PayoutFileFormat;
import org.opsdesk.banking.payfiles.PayoutFiles;
import org.opsdesk.exchange.OfficeAccount;
import org.opsdesk.shared.CurrencyCode;

/**
 * A batch as its transfer file (ADR 0029's neutral {@link PayoutBatch}): the office as debtor from the batch's
 * account, every item not removed, created at the moment it was sent — so the same batch always writes the same
 * bytes in a format.
 */
final class BatchFile {

    private BatchFile() {}

    static byte[] write(
            PayoutBatchRow batch,
            List<PayoutItem> items,
            OfficeAccount account,
            String officeName,
            CurrencyCode currency,
            Instant createdAt,
            LocalDate executionDate,
            PayoutFileFormat format) {
        var debtor = new PayoutDebtor(
                officeName, account.iban() == null ? account.number() : account.iban(), account.bic(), null);
        var lines = items.stream()
                .filter(item -> item.state() != PayoutItem.State.REMOVED)
                .map(BatchFile::line)
                .toList();
        return PayoutFiles.write(
                new PayoutBatch(batch.messageId(), createdAt, debtor, executionDate, currency, lines), format);
    }

    private static org.opsdesk.banking.payfiles.PayoutItem line(PayoutItem item) {
        CreditorAccount account = item.creditorIban() != null
                ? new CreditorAccount.ByIban(item.creditorIban())
                : new CreditorAccount.Domestic(item.creditorAccount(), null, null);
        return new org.opsdesk.banking.payfiles.PayoutItem(
                item.endToEndId(),
                item.creditorName(),
                account,
                item.creditorBic(),
                item.amount(),
                item.remittance(),
                null,
                null);
    }
}
