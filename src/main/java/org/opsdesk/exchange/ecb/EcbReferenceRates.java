package org.opsdesk.exchange.ecb;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.opsdesk.shared.InvalidInput;

/**
 * The business days of an ECB reference-rate file, newest first — one day for the daily file, about 65 for the
 * 90-day file, every day since 1999 for the historical one.
 *
 * <p>{@link #parse} reads every format the ECB publishes: the {@code eurofxref} XML files (daily, 90-day,
 * historical; a gesmes envelope of {@code Cube} elements), the CSV files ({@code eurofxref.csv}: {@code Date,
 * USD, JPY, …} with dates such as 13 April 2026; {@code eurofxref-hist.csv}: ISO dates and {@code N/A} for currencies
 * not quoted that day), and the ZIP archives that carry those CSV files. A malformed file is refused whole, with a
 * reason naming where it broke; nothing in it is half-taken.
 */
public record EcbReferenceRates(List<EcbDay> days) {

    public EcbReferenceRates {
        if (days.isEmpty()) {
            throw InvalidInput.of("file", "holds no business day with rates");
        }
        var dates = new HashSet<LocalDate>();
        for (EcbDay day : days) {
            if (!dates.add(day.date())) {
                throw InvalidInput.of("file", "lists " + day.date() + " twice");
            }
        }
        days = days.stream()
                .sorted(Comparator.comparing(EcbDay::date).reversed())
                .toList();
    }

    /** The largest file accepted, compressed or not: the full history since 1999 is about 2 MB as CSV. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /**
     * Reads an ECB reference-rate file in any of its formats, told apart by its first bytes: {@code PK} a ZIP
     * archive, {@code <} XML, else CSV. XML is read with no DTD and no external entity (a DOCTYPE is refused).
     *
     * @throws InvalidInput on {@code file}, saying why, when the file is not one the ECB publishes or breaks
     *     its format anywhere
     */
    public static EcbReferenceRates parse(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw InvalidInput.of("file", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (file.length >= 2 && file[0] == 'P' && file[1] == 'K') {
            return new EcbReferenceRates(EcbCsv.days(EcbZip.csvInside(file, MAX_BYTES)));
        }
        int first = firstVisible(file);
        if (first < file.length && file[first] == '<') {
            return new EcbReferenceRates(EcbXml.days(file));
        }
        return new EcbReferenceRates(EcbCsv.days(file));
    }

    /** The newest day of the file. */
    public EcbDay latest() {
        return days.get(0);
    }

    /** The rates of a given business day, when the file has it. */
    public Optional<EcbDay> on(LocalDate date) {
        return days.stream().filter(day -> day.date().equals(date)).findFirst();
    }

    /** The rates in force on {@code date}: that day's, or the last business day's before it (weekends, holidays). */
    public Optional<EcbDay> inForceOn(LocalDate date) {
        return days.stream().filter(day -> !day.date().isAfter(date)).findFirst();
    }

    private static int firstVisible(byte[] file) {
        int i = 0;
        if (file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF) {
            i = 3; // a UTF-8 byte order mark
        }
        while (i < file.length && Character.isWhitespace(file[i])) {
            i++;
        }
        return i;
    }
}
