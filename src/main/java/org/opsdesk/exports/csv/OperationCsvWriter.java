package org.opsdesk.exports.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationRow;
import org.opsdesk.shared.FormulaGuard;

/**
 * Writes operations as RFC 4180 CSV (FastCSV: quotes only where needed, CRLF line ends) in UTF-8 to a stream,
 * one row at a time through a small buffer, counting rows and bytes for the audit.
 */
final class OperationCsvWriter {

    static final String[] HEADER = {
        "id",
        "type",
        "reference",
        "status",
        "stage",
        "subject",
        "amount",
        "currency",
        "assignee",
        "created_at",
        "updated_at",
        "due_at",
        "version",
        "attributes"
    };

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Counting out;
    private final CsvWriter csv;
    private long rows;

    OperationCsvWriter(OutputStream target, CsvOptions options) {
        this.out = new Counting(target);
        this.csv = CsvWriter.builder()
                .fieldSeparator(options.separator())
                .lineDelimiter(LineDelimiter.CRLF)
                .bufferSize(16 * 1024)
                .build(out, StandardCharsets.UTF_8);
        if (options.bom()) {
            try {
                out.write(BOM);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        csv.writeRecord(HEADER);
    }

    void write(OperationRow row) {
        csv.writeRecord()
                .writeField(row.id().toString())
                .writeField(row.type())
                .writeField(FormulaGuard.cell(row.reference()))
                .writeField(row.status().name())
                .writeField(row.stage())
                .writeField(FormulaGuard.cell(row.subject()))
                .writeField(plain(row.amount()))
                .writeField(nullToEmpty(row.currency()))
                .writeField(FormulaGuard.cell(row.assignee()))
                .writeField(time(row.createdAt()))
                .writeField(time(row.updatedAt()))
                .writeField(time(row.dueAt()))
                .writeField(Long.toString(row.version()))
                .writeField(FormulaGuard.cell(row.attributesJson()))
                .endRecord();
        rows++;
    }

    /** Sends what is buffered; the stream itself stays open for its owner (the servlet container) to close. */
    void flush() {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return out.count;
    }

    // A number Opsdesk writes itself: never neutralised, never in exponent notation.
    private static String plain(@Nullable BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static String time(@Nullable Instant time) {
        return time == null ? "" : time.toString();
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    /** Counts the bytes that reach the response (what the client was sent, for the audit). */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the container owns and closes the response stream
        }
    }
}
