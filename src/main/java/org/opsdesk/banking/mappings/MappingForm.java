package org.opsdesk.banking.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The console's mapping form as typed: every value a string, so that a refused form comes back as it was sent.
 * Columns are numbers from 0; the remittance columns a list such as {@code 2, 5}.
 */
record MappingForm(
        @Nullable String name,
        @Nullable String bankName,
        @Nullable UUID from,
        @Nullable String separator,
        @Nullable String decimalComma,
        @Nullable String dateFormat,
        @Nullable String encoding,
        @Nullable String headerRows,
        @Nullable String dateColumn,
        @Nullable String valueDateColumn,
        @Nullable String amountColumn,
        @Nullable String directionColumn,
        @Nullable String creditMarker,
        @Nullable String debitMarker,
        @Nullable String currencyColumn,
        @Nullable String currency,
        @Nullable String accountColumn,
        @Nullable String accountIdentifier,
        @Nullable String counterpartyNameColumn,
        @Nullable String counterpartyIbanColumn,
        @Nullable String remittanceColumns,
        @Nullable String referenceColumn,
        @Nullable String endToEndIdColumn,
        @Nullable String balanceColumn) {

    /** A new mapping: the usual defaults of a European bank's export. */
    static MappingForm empty() {
        return new MappingForm(
                null,
                null,
                null,
                ";",
                null,
                "dd.MM.yyyy",
                "UTF-8",
                "1",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The form filled from a saved mapping, to be saved as a new one (under a new name). */
    static MappingForm of(SavedMapping saved) {
        MappingFields f = saved.fields();
        return new MappingForm(
                null,
                saved.bankName(),
                saved.id(),
                f.separator(),
                Boolean.TRUE.equals(f.decimalComma()) ? "true" : null,
                f.dateFormat(),
                f.encoding(),
                text(f.headerRows()),
                text(f.dateColumn()),
                text(f.valueDateColumn()),
                text(f.amountColumn()),
                text(f.directionColumn()),
                f.creditMarker(),
                f.debitMarker(),
                text(f.currencyColumn()),
                f.currency(),
                text(f.accountColumn()),
                f.accountIdentifier(),
                text(f.counterpartyNameColumn()),
                text(f.counterpartyIbanColumn()),
                f.remittanceColumns() == null
                        ? null
                        : String.join(
                                ", ",
                                f.remittanceColumns().stream()
                                        .map(String::valueOf)
                                        .toList()),
                text(f.referenceColumn()),
                text(f.endToEndIdColumn()),
                text(f.balanceColumn()));
    }

    /** Each field's value as typed (or filled), by the field's name, for the form to show. */
    Map<String, String> values() {
        var values = new java.util.HashMap<String, String>();
        for (var component : MappingForm.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(this);
                if (value != null) {
                    values.put(component.getName(), value.toString());
                }
            } catch (ReflectiveOperationException impossible) {
                throw new IllegalStateException("a record's accessor is public", impossible);
            }
        }
        return values;
    }

    /** The API's fields; numbers that are not column numbers are added to {@code errors} by field. */
    MappingFields fields(Map<String, String> errors) {
        return new MappingFields(
                separator,
                "true".equals(decimalComma),
                trimmed(dateFormat),
                trimmed(encoding),
                number("headerRows", headerRows, errors),
                number("dateColumn", dateColumn, errors),
                number("valueDateColumn", valueDateColumn, errors),
                number("amountColumn", amountColumn, errors),
                number("directionColumn", directionColumn, errors),
                trimmed(creditMarker),
                trimmed(debitMarker),
                number("currencyColumn", currencyColumn, errors),
                trimmed(currency),
                number("accountColumn", accountColumn, errors),
                trimmed(accountIdentifier),
                number("counterpartyNameColumn", counterpartyNameColumn, errors),
                number("counterpartyIbanColumn", counterpartyIbanColumn, errors),
                numbers("remittanceColumns", remittanceColumns, errors),
                number("referenceColumn", referenceColumn, errors),
                number("endToEndIdColumn", endToEndIdColumn, errors),
                number("balanceColumn", balanceColumn, errors));
    }

    private static @Nullable Integer number(String field, @Nullable String typed, Map<String, String> errors) {
        String text = trimmed(typed);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0 && value <= 999) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.putIfAbsent(field, "is not a column number (0 for the first column, up to 999)");
        return null;
    }

    private static @Nullable List<Integer> numbers(String field, @Nullable String typed, Map<String, String> errors) {
        String text = trimmed(typed);
        if (text == null) {
            return null;
        }
        var columns = new ArrayList<Integer>();
        for (String part : text.split("[,;\\s]+")) {
            Integer column = number(field, part, errors);
            if (column != null) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static @Nullable String trimmed(@Nullable String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private static @Nullable String text(@Nullable Integer number) {
        return number == null ? null : String.valueOf(number);
    }
}
