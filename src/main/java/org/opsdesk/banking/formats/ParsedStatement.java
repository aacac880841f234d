package org.opsdesk.banking.formats;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;

/**
 * One account's statement (or camt.054 notification) read from a file.
 *
 * @param accountIdentifier the IBAN or account number, normalised: no spaces or padding, upper case, an MT940
 *     currency suffix ({@code NL20INGB0001234567EUR}) dropped
 * @param statementId the bank's statement id (MT940 :20: and :28C: statement number, camt {@code Stmt/Id})
 * @param sequence the statement's sequence number when the bank numbers them (MT940 :28C:, camt {@code
 *     ElctrncSeqNb}/{@code LglSeqNb})
 * @param from first day the statement covers, when known
 * @param to last day the statement covers, when known
 * @param openingBalance signed (negative = debit balance); {@code null} where the format has none (camt.054, CSV
 *     without balance columns)
 * @param closingBalance signed, like the opening balance
 */
public record ParsedStatement(
        String accountIdentifier,
        String statementId,
        @Nullable String sequence,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable Money openingBalance,
        @Nullable Money closingBalance,
        List<ParsedEntry> entries) {

    public ParsedStatement {
        entries = List.copyOf(entries);
    }
}
