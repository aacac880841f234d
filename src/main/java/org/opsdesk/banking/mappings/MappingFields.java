package org.opsdesk.banking.mappings;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.CsvMapping;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;

/**
 * How one bank's CSV export is read, as the API takes and gives it: the fields of {@link CsvMapping}, columns
 * counted from 0. Checked whole, every refused field named.
 */
@Schema(description = "How one bank's CSV export is read; columns count from 0.")
public record MappingFields(
        @Schema(description = "Field separator, one character.", example = ";") @Nullable String separator,
        @Schema(description = "Amounts written 1.234,56 rather than 1,234.56 (default false).") @Nullable
                Boolean decimalComma,
        @Schema(description = "Date pattern (java.time).", example = "dd.MM.yyyy") @Nullable String dateFormat,
        @Schema(description = "The file's character set.", example = "UTF-8") @Nullable String encoding,
        @Schema(description = "Rows to skip before the first booking (default 0).", example = "1") @Nullable
                Integer headerRows,
        @Schema(example = "0") @Nullable Integer dateColumn,
        @Nullable Integer valueDateColumn,
        @Schema(example = "3") @Nullable Integer amountColumn,
        @Schema(description = "Column saying credit or debit; without it a negative amount is a debit.") @Nullable
                Integer directionColumn,
        @Nullable String creditMarker,
        @Nullable String debitMarker,
        @Nullable Integer currencyColumn,
        @Schema(description = "The currency of every row, when no column names it.", example = "TRY") @Nullable
                String currency,
        @Nullable Integer accountColumn,
        @Nullable String accountIdentifier,
        @Nullable Integer counterpartyNameColumn,
        @Nullable Integer counterpartyIbanColumn,
        @Schema(example = "[2]") @Nullable List<Integer> remittanceColumns,
        @Nullable Integer referenceColumn,
        @Nullable Integer endToEndIdColumn,
        @Schema(description = "The balance after each row; gives the opening and closing balances.", example = "4")
                @Nullable
                Integer balanceColumn) {

    /** No field given: every required one is refused. */
    static final MappingFields EMPTY = new MappingFields(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    /** The reader's mapping, or every refused field. */
    CsvMapping toCsvMapping() {
        List<FieldError> errors = new ArrayList<>();
        if (separator == null || separator.length() != 1) {
            errors.add(new FieldError("separator", "must be exactly one character"));
        }
        if (dateFormat == null || !validPattern(dateFormat)) {
            errors.add(new FieldError("dateFormat", "is not a date pattern such as dd.MM.yyyy"));
        }
        if (encoding == null || !Charset.isSupported(encoding)) {
            errors.add(new FieldError("encoding", "is not a character set this server knows"));
        }
        required(errors, "dateColumn", dateColumn);
        required(errors, "amountColumn", amountColumn);
        if (headerRows != null && headerRows < 0) {
            errors.add(new FieldError("headerRows", "must not be negative"));
        }
        if (currencyColumn == null && (currency == null || currency.isBlank())) {
            errors.add(new FieldError("currency", "needed when no currency column is given"));
        }
        if (directionColumn != null && (blank(creditMarker) || blank(debitMarker))) {
            errors.add(new FieldError("creditMarker", "a direction column needs its credit and debit markers"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new CsvMapping(
                separator.charAt(0),
                Boolean.TRUE.equals(decimalComma),
                dateFormat,
                Charset.forName(encoding),
                headerRows == null ? 0 : headerRows,
                dateColumn,
                valueDateColumn,
                amountColumn,
                directionColumn,
                creditMarker,
                debitMarker,
                currencyColumn,
                currency,
                accountColumn,
                accountIdentifier,
                counterpartyNameColumn,
                counterpartyIbanColumn,
                remittanceColumns == null ? List.of() : remittanceColumns,
                referenceColumn,
                endToEndIdColumn,
                balanceColumn);
    }

    private static void required(List<FieldError> errors, String field, @Nullable Integer column) {
        if (column == null || column < 0) {
            errors.add(new FieldError(field, "is required: a column number from 0"));
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static boolean validPattern(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern);
            return true;
        } catch (IllegalArgumentException bad) {
            return false;
        }
    }
}
