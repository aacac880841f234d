package org.opsdesk.banking.payfiles;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.opsdesk.shared.FormulaGuard;

/**
 * Writes a checked batch as RFC 4180 CSV (FastCSV: quoted only where needed, CRLF line ends), one row per item with
 * the batch's debtor, date and currency repeated — for banks without pain.001 upload and for people checking a
 * batch in a spreadsheet. Text cells go through shared's {@link FormulaGuard} against formula injection.
 */
final class PayoutCsvWriter {

    static final String[] HEADER = {
        "message_id",
        "requested_execution_date",
        "debtor_name",
        "debtor_iban",
        "end_to_end_id",
        "creditor_name",
        "creditor_street",
        "creditor_building",
        "creditor_post_code",
        "creditor_town",
        "creditor_country",
        "creditor_iban",
        "creditor_account_number",
        "creditor_clearing_system",
        "creditor_clearing_member_id",
        "creditor_bic",
        "amount",
        "currency",
        "remittance",
        "purpose"
    };

    private PayoutCsvWriter() {}

    static String write(CheckedPayoutBatch batch) {
        var text = new StringWriter();
        try (CsvWriter csv =
                CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text)) {
            csv.writeRecord(HEADER);
            for (PayoutItem item : batch.items()) {
                CreditorAccount.Domestic domestic =
                        item.creditorAccount() instanceof CreditorAccount.Domestic d ? d : null;
                PostalAddress address = item.creditorAddress();
                String iban = item.creditorAccount() instanceof CreditorAccount.ByIban i ? i.iban() : null;
                csv.writeRecord(
                        FormulaGuard.cell(batch.messageId()),
                        batch.requestedExecutionDate().toString(),
                        FormulaGuard.cell(batch.debtor().name()),
                        FormulaGuard.cell(batch.debtor().iban()),
                        FormulaGuard.cell(item.endToEndId()),
                        FormulaGuard.cell(item.creditorName()),
                        FormulaGuard.cell(address == null ? null : address.streetName()),
                        FormulaGuard.cell(address == null ? null : address.buildingNumber()),
                        FormulaGuard.cell(address == null ? null : address.postCode()),
                        FormulaGuard.cell(address == null ? null : address.townName()),
                        address == null ? "" : address.country(),
                        FormulaGuard.cell(iban),
                        FormulaGuard.cell(domestic == null ? null : domestic.accountNumber()),
                        FormulaGuard.cell(domestic == null ? null : domestic.clearingSystem()),
                        FormulaGuard.cell(domestic == null ? null : domestic.clearingMemberId()),
                        FormulaGuard.cell(item.creditorBic()),
                        item.amount().toPlainString(),
                        batch.currency().code(),
                        FormulaGuard.cell(item.remittance()),
                        FormulaGuard.cell(item.purpose()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
