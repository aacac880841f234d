package org.opsdesk.banking.payfiles;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Writes a checked batch as RFC 4180 CSV (FastCSV: quoted only where needed, CRLF line ends), one row per item with
 * the batch's debtor, date and currency repeated — for banks without pain.001 upload and for people checking a
 * batch in a spreadsheet. Text cells go through {@link #cell} against formula injection.
 */
final class PayoutCsvWriter {

    static final String[] HEADER = {
        "message_id",
        "requested_execution_date",
        "debtor_name",
        "debtor_iban",
        "end_to_end_id",
        "creditor_name",
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
                String iban = item.creditorAccount() instanceof CreditorAccount.ByIban i ? i.iban() : null;
                csv.writeRecord(
                        cell(batch.messageId()),
                        batch.requestedExecutionDate().toString(),
                        cell(batch.debtor().name()),
                        cell(batch.debtor().iban()),
                        cell(item.endToEndId()),
                        cell(item.creditorName()),
                        cell(iban),
                        cell(domestic == null ? null : domestic.accountNumber()),
                        cell(domestic == null ? null : domestic.clearingSystem()),
                        cell(domestic == null ? null : domestic.clearingMemberId()),
                        cell(item.creditorBic()),
                        item.amount().toPlainString(),
                        batch.currency().code(),
                        cell(item.remittance()),
                        cell(item.purpose()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * A text cell a spreadsheet shows as text: one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab
     * or a carriage return would be run as a formula (CSV injection, OWASP), so it gets a leading apostrophe — the
     * rule of the operations export ({@code exports.csv.FormulaGuard}, not published to other modules). The amount
     * is a number Opsdesk formats itself and stays as it is.
     */
    static String cell(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
