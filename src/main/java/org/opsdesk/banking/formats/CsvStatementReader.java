package org.opsdesk.banking.formats;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

/**
 * Reads a bank's CSV export through its saved {@link CsvMapping} into one statement (per account column value,
 * when the mapping has one). Rows are put in date order (banks export newest first as often as oldest first); a
 * running balance column gives the opening balance (the first row's balance less its amount) and the closing one.
 */
final class CsvStatementReader {

    private CsvStatementReader() {}

    /** One CSV row, read: its entry and the balance after it, if the bank gives one. */
    private record Row(String account, ParsedEntry entry, @Nullable Money balanceAfter) {}

    static ReadFile read(byte[] content, CsvMapping mapping) {
        String text = new String(content, mapping.encoding());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(mapping.dateFormat());
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(mapping.separator())
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(text)) {
            int line = 0;
            for (CsvRecord record : csv) {
                if (line++ < mapping.headerRows() || record.getFields().stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(row("rows[" + rows.size() + "]", record.getFields(), mapping, dates));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvParseException e) {
            throw new StatementFileRefused(Reason.MALFORMED, "file", "is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new StatementFileRefused(Reason.MALFORMED, "file", "holds no bookings after its header rows");
        }
        List<ParsedStatement> statements = rows.stream()
                .map(Row::account)
                .distinct()
                .map(account -> statement(
                        account,
                        rows.stream().filter(r -> r.account().equals(account)).toList()))
                .toList();
        return new ReadFile(StatementFormat.CSV, "CSV", statements, List.of());
    }

    private static ParsedStatement statement(String account, List<Row> fileOrder) {
        List<Row> rows = new ArrayList<>(fileOrder);
        if (rows.get(0)
                .entry()
                .bookingDate()
                .isAfter(rows.get(rows.size() - 1).entry().bookingDate())) {
            Collections.reverse(rows);
        }
        Row first = rows.get(0);
        Row last = rows.get(rows.size() - 1);
        Money opening = first.balanceAfter() == null
                ? null
                : new Money(
                        first.balanceAfter().amount().subtract(first.entry().signedAmount()),
                        first.balanceAfter().currency());
        LocalDate from = first.entry().bookingDate();
        LocalDate to = last.entry().bookingDate();
        return new ParsedStatement(
                account,
                "CSV " + from + ".." + to,
                null,
                from,
                to,
                opening,
                last.balanceAfter(),
                rows.stream().map(Row::entry).toList());
    }

    private static Row row(String field, List<String> cells, CsvMapping mapping, DateTimeFormatter dates) {
        String currencyCode =
                mapping.currencyColumn() != null ? cell(cells, mapping.currencyColumn()) : mapping.currency();
        CurrencyCode currency = Amounts.currency(field + ".currency", currencyCode);
        BigDecimal signed = decimal(field + ".amount", cell(cells, mapping.amountColumn()), mapping);
        Direction direction = direction(field, cells, mapping, signed);
        Money amount = Amounts.money(field + ".amount", signed.abs(), currency);
        var entry = new ParsedEntry(
                date(field + ".date", cell(cells, mapping.dateColumn()), dates, mapping),
                mapping.valueDateColumn() == null
                        ? null
                        : date(field + ".valueDate", cell(cells, mapping.valueDateColumn()), dates, mapping),
                amount,
                direction,
                new Counterparty(
                        optional(cells, mapping.counterpartyNameColumn()),
                        optional(cells, mapping.counterpartyIbanColumn()),
                        null),
                Texts.join(mapping.remittanceColumns().stream().map(column -> optional(cells, column))),
                optional(cells, mapping.endToEndIdColumn()),
                optional(cells, mapping.referenceColumn()),
                String.join(String.valueOf(mapping.separator()), cells));
        Money balance = mapping.balanceColumn() == null
                ? null
                : Amounts.money(
                        field + ".balance",
                        decimal(field + ".balance", cell(cells, mapping.balanceColumn()), mapping),
                        currency);
        String account = AccountIdentifiers.normalise(
                Texts.first(optional(cells, mapping.accountColumn()), mapping.accountIdentifier()));
        return new Row(Objects.requireNonNullElse(account, ""), entry, balance);
    }

    private static Direction direction(String field, List<String> cells, CsvMapping mapping, BigDecimal signed) {
        if (mapping.directionColumn() == null) {
            return signed.signum() < 0 ? Direction.DEBIT : Direction.CREDIT;
        }
        String marker = cell(cells, mapping.directionColumn()).strip();
        if (marker.equalsIgnoreCase(mapping.creditMarker())) {
            return Direction.CREDIT;
        }
        if (marker.equalsIgnoreCase(mapping.debitMarker())) {
            return Direction.DEBIT;
        }
        throw new StatementFileRefused(
                Reason.MALFORMED, field + ".direction", "'" + marker + "' is neither the credit nor the debit marker");
    }

    private static BigDecimal decimal(String field, String text, CsvMapping mapping) {
        String compact = text.strip().replace(" ", "").replace("\u00A0", "");
        String plain = mapping.decimalComma() ? compact.replace(".", "").replace(',', '.') : compact.replace(",", "");
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new StatementFileRefused(Reason.MALFORMED, field, "'" + text + "' is not an amount");
        }
    }

    private static LocalDate date(String field, String text, DateTimeFormatter dates, CsvMapping mapping) {
        try {
            return LocalDate.parse(text.strip(), dates);
        } catch (DateTimeParseException e) {
            throw new StatementFileRefused(
                    Reason.MALFORMED, field, "'" + text + "' does not match " + mapping.dateFormat());
        }
    }

    private static String cell(List<String> cells, int column) {
        if (column >= cells.size()) {
            throw new StatementFileRefused(Reason.MALFORMED, "columns[" + column + "]", "is missing in a row");
        }
        return cells.get(column);
    }

    private static @Nullable String optional(List<String> cells, @Nullable Integer column) {
        return column == null || column >= cells.size() ? null : Texts.clean(cells.get(column));
    }
}
