package org.opsdesk.banking.formats;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to read one bank's CSV export, saved per bank by the cashier. Column numbers count from 0. The amount is
 * either signed ({@code directionColumn} null: negative = debit) or positive with a direction column whose value
 * equals {@code creditMarker} or {@code debitMarker} (case ignored). A running balance column ({@code
 * balanceColumn}, the balance after each row, as ING and others give it) yields the opening and closing balances;
 * without one the statement has none and cannot be reconciled.
 *
 * @param separator the field separator, e.g. {@code ';'}
 * @param decimalComma whether amounts are written {@code 1.234,56} rather than {@code 1,234.56}
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern, e.g. {@code dd.MM.yyyy}
 * @param encoding the file's character set (a CSV says nothing about it)
 * @param headerRows rows to skip before the first booking (preamble and column titles)
 * @param accountIdentifier the account the file belongs to, when no column names it (blank: the importer assigns)
 * @param currency the currency of every row, when no column names it
 * @param remittanceColumns columns joined, in order, into the remittance text
 */
public record CsvMapping(
        char separator,
        boolean decimalComma,
        String dateFormat,
        Charset encoding,
        int headerRows,
        int dateColumn,
        @Nullable Integer valueDateColumn,
        int amountColumn,
        @Nullable Integer directionColumn,
        @Nullable String creditMarker,
        @Nullable String debitMarker,
        @Nullable Integer currencyColumn,
        @Nullable String currency,
        @Nullable Integer accountColumn,
        @Nullable String accountIdentifier,
        @Nullable Integer counterpartyNameColumn,
        @Nullable Integer counterpartyIbanColumn,
        List<Integer> remittanceColumns,
        @Nullable Integer referenceColumn,
        @Nullable Integer endToEndIdColumn,
        @Nullable Integer balanceColumn) {

    public CsvMapping {
        java.time.format.DateTimeFormatter.ofPattern(dateFormat); // a bad pattern is refused when the mapping is saved
        Objects.requireNonNull(encoding);
        remittanceColumns = List.copyOf(remittanceColumns);
        if (headerRows < 0) {
            throw new IllegalArgumentException("headerRows must not be negative");
        }
        if (currencyColumn == null && (currency == null || currency.isBlank())) {
            throw new IllegalArgumentException("a CSV mapping needs a currency column or a fixed currency");
        }
        if (directionColumn != null && (creditMarker == null || debitMarker == null)) {
            throw new IllegalArgumentException("a direction column needs its credit and debit markers");
        }
    }
}
