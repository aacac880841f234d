package org.opsdesk.exchange.ecb;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsdesk.shared.InvalidInput;

/**
 * The ECB's CSV files: a header {@code Date, USD, JPY, …} then one line per business day. The daily file writes
 * dates such as 13 April 2026 and a comma and a space between values; the historical one writes ISO dates and {@code N/A} where a currency was
 * not quoted (before it existed, after it joined the euro). Both end each line with a separator (an empty last
 * column), which is ignored.
 */
final class EcbCsv {

    private static final DateTimeFormatter DAILY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private EcbCsv() {}

    static List<EcbDay> days(byte[] file) {
        String text = utf8(file);
        List<String> header = null;
        var days = new ArrayList<EcbDay>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true) // counted below, to say which line is short
                .ofCsvRecord(text)) {
            for (CsvRecord record : csv) {
                String where = "line " + record.getStartingLineNumber();
                List<String> fields =
                        record.getFields().stream().map(String::strip).toList();
                if (fields.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (header == null) {
                    header = header(fields, where);
                } else {
                    days.add(day(header, fields, where));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw InvalidInput.of("file", "is not valid CSV: " + RateValues.shorten(String.valueOf(e.getMessage())));
        }
        if (header == null) {
            throw InvalidInput.of("file", "is empty");
        }
        return days;
    }

    private static List<String> header(List<String> fields, String where) {
        if (!fields.get(0).equals("Date")) {
            throw InvalidInput.of(
                    "file",
                    "is neither ECB XML nor ECB CSV: " + where + " should start with 'Date', not '"
                            + RateValues.shorten(fields.get(0)) + "'");
        }
        var codes = new ArrayList<String>();
        for (int i = 1; i < fields.size(); i++) {
            boolean trailing = i == fields.size() - 1 && fields.get(i).isEmpty();
            codes.add(trailing ? "" : RateValues.currency(fields.get(i), where));
        }
        if (codes.stream().filter(code -> !code.isEmpty()).distinct().count()
                != codes.stream().filter(code -> !code.isEmpty()).count()) {
            throw InvalidInput.of("file", where + ": a currency is named twice");
        }
        var header = new ArrayList<String>();
        header.add("Date");
        header.addAll(codes);
        return header;
    }

    private static EcbDay day(List<String> header, List<String> fields, String where) {
        if (fields.size() != header.size()) {
            throw InvalidInput.of(
                    "file", where + ": " + fields.size() + " values where the header has " + header.size());
        }
        LocalDate date = date(fields.get(0), where);
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (int i = 1; i < fields.size(); i++) {
            String value = fields.get(i);
            if (header.get(i).isEmpty()) {
                if (!value.isEmpty()) {
                    throw InvalidInput.of("file", where + ": a value under no currency");
                }
            } else if (!value.isEmpty() && !value.equals("N/A")) {
                rates.put(header.get(i), RateValues.rate(value, where + ", " + header.get(i)));
            }
        }
        if (rates.isEmpty()) {
            throw InvalidInput.of("file", where + ": " + date + " has no rates");
        }
        return new EcbDay(date, rates);
    }

    private static LocalDate date(String value, String where) {
        try {
            return value.contains("-") ? LocalDate.parse(value) : LocalDate.parse(value, DAILY);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(
                    "file",
                    where + ": '" + RateValues.shorten(value) + "' is not a date (2026-04-13 or 13 April 2026)");
        }
    }

    private static String utf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file))
                    .toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw InvalidInput.of("file", "is not text (UTF-8)");
        }
    }
}
