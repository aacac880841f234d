package org.opsdesk.banking.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an import stored.
 *
 * @param format {@code MT940}, {@code CAMT_053}, {@code CAMT_054} or {@code CSV}
 * @param entriesNew entries stored by this import
 * @param entriesDuplicate entries the account had already (the same statement, or an overlapping one)
 * @param times how long reading, storing and matching took
 */
public record ImportResult(
        UUID importId,
        String format,
        String variant,
        List<StoredStatement> statements,
        int entriesNew,
        int entriesDuplicate,
        List<ImportWarning> warnings,
        PhaseTimes times) {

    public ImportResult {
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    ImportResult withTimes(PhaseTimes newTimes) {
        return new ImportResult(
                importId, format, variant, statements, entriesNew, entriesDuplicate, warnings, newTimes);
    }

    /** Whether this import stored anything the account did not have. */
    public boolean addedAnything() {
        return entriesNew > 0 || statements.stream().anyMatch(StoredStatement::firstImport);
    }

    /**
     * One statement of the file, as stored.
     *
     * @param id the stored statement's id (the earlier one when the statement was imported before)
     * @param firstImport whether this import stored the statement (false: it was there already)
     * @param entriesTotal the statement's booked entries
     * @param entriesNew those of them this import stored
     */
    public record StoredStatement(
            UUID id,
            UUID bankAccountId,
            String accountIdentifier,
            String statementId,
            @Nullable String sequence,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            String currency,
            @Nullable BigDecimal openingBalance,
            @Nullable BigDecimal closingBalance,
            int entriesTotal,
            int entriesNew,
            boolean firstImport) {}
}
