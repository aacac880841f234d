package org.opsdesk.exchange.rates;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.opsdesk.shared.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pair's rate history as RFC 4180 CSV (FastCSV, UTF-8, CRLF), newest first. The rows are read in one read-only
 * transaction into a temporary file, so a slow client never holds a database connection; the export is then
 * recorded (who, when, pair, range, rows) in the insert-only {@code exchange.rate_history_export} before the first
 * byte is sent. Every cell is a code, a number or a time Opsdesk writes itself, or an actor's name — the one text
 * cell, guarded against spreadsheet formulas.
 */
@Service
class RateHistoryCsv {

    static final String[] HEADER = {"base", "quote", "buy", "sell", "source", "changed_at", "changed_by", "actor_kind"};

    private final RateStore store;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    RateHistoryCsv(RateStore store, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** Writes the attachment {@code rates-EUR-PLN.csv} to the response and records the export. */
    void respond(String base, String quote, RateStore.Range range, Actor actor, HttpServletResponse response)
            throws IOException {
        Path spool = Files.createTempFile("opsdesk-rates-", ".csv");
        try {
            long rows;
            try (OutputStream out = Files.newOutputStream(spool)) {
                rows = write(base, quote, range, out);
            }
            store.recordExport(UUID.randomUUID(), base, quote, range, rows, actor, clock.instant());
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename("rates-" + base + "-" + quote + ".csv")
                            .build()
                            .toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentLengthLong(Files.size(spool));
            Files.copy(spool, response.getOutputStream());
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private long write(String base, String quote, RateStore.Range range, OutputStream out) {
        CsvWriter csv = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.CRLF)
                .bufferSize(16 * 1024)
                .build(out, StandardCharsets.UTF_8);
        csv.writeRecord(HEADER);
        Long rows = readOnly.execute(status -> store.export(
                base,
                quote,
                range,
                change -> csv.writeRecord(
                        base,
                        quote,
                        change.buy().toPlainString(),
                        change.sell().toPlainString(),
                        change.source(),
                        change.changedAt().toString(),
                        cell(change.actorName()),
                        change.actorKind())));
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows == null ? 0 : rows;
    }

    /** A name starting like a formula gets a leading apostrophe (CSV injection), as the operations export does. */
    static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
