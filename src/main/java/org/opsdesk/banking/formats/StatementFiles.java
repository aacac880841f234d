package org.opsdesk.banking.formats;

import java.nio.charset.Charset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;

/**
 * Reads a statement file, whatever the bank sent: the format is recognised from the content (never from a file
 * name) — XML with a camt.053/camt.054 namespace, MT940 by its :20:/:25:/:60F: fields — and a CSV only through the
 * bank's saved {@link CsvMapping}. Every statement that carries both balances must reconcile, else the whole file is
 * refused ({@link StatementDoesNotReconcile}). Everything the file cannot be is a {@link StatementFileRefused}
 * with its reason, thrown before any slow work: the size first, then the XML guard, then the parse. Immutable
 * and thread-safe: one instance serves every import.
 */
public final class StatementFiles {

    /** The size limit used when none is configured: 50 MB holds a 100,000-entry camt.053. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private final long maxBytes;
    private final @Nullable Charset legacyCharset;

    /**
     * @param maxBytes files above this size are refused with 413
     * @param legacyCharset the code page of text files that are not UTF-8; {@code null} guesses between
     *     Windows-1250 and ISO-8859-2 (the Polish banks' two)
     */
    public StatementFiles(long maxBytes, @Nullable Charset legacyCharset) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.legacyCharset = legacyCharset;
    }

    /** Reads with the default size limit and the guessed Polish code page. */
    public StatementFiles() {
        this(DEFAULT_MAX_BYTES, null);
    }

    /**
     * Reads every statement of the file.
     *
     * @param mapping the bank's saved CSV mapping; only used when the content is neither XML nor MT940
     * @throws StatementFileRefused when the file is too large, hostile, of no known format, broken, or does not
     *     reconcile
     */
    public ReadFile read(byte[] content, @Nullable CsvMapping mapping) {
        if (content.length > maxBytes) {
            throw new StatementFileRefused(
                    Reason.TOO_LARGE, "file", "is " + content.length + " bytes; the limit is " + maxBytes);
        }
        ReadFile file = parse(content, mapping);
        if (file.statements().isEmpty()) {
            throw new StatementFileRefused(Reason.MALFORMED, "file", "holds no statement");
        }
        List<ParsedStatement> statements = file.statements();
        for (int i = 0; i < statements.size(); i++) {
            Reconciliation.check(i, statements.get(i));
        }
        return file;
    }

    private ReadFile parse(byte[] content, @Nullable CsvMapping mapping) {
        try {
            return sniffAndRead(content, mapping);
        } catch (StatementFileRefused refused) {
            throw refused;
        } catch (RuntimeException unexpected) {
            // A reader tripping over content it did not foresee is still the file's fault, never a 500.
            throw new StatementFileRefused(
                    Reason.MALFORMED,
                    "file",
                    "could not be read (" + unexpected.getClass().getSimpleName() + ")");
        }
    }

    private ReadFile sniffAndRead(byte[] content, @Nullable CsvMapping mapping) {
        if (claimsXml(content)) {
            XmlGuard.Checked xml = XmlGuard.check(content);
            if (xml.namespace() == null) {
                throw new StatementFileRefused(
                        Reason.UNKNOWN_FORMAT, "file", "is XML but not an ISO 20022 camt.053 or camt.054 document");
            }
            return CamtReader.read(xml.namespace(), content);
        }
        String text = TextDecoder.decode(content, legacyCharset);
        if (Mt940Envelope.recognises(text)) {
            return Mt940Reader.read(text);
        }
        if (mapping != null) {
            return CsvStatementReader.read(content, mapping);
        }
        throw new StatementFileRefused(
                Reason.UNKNOWN_FORMAT,
                "file",
                "is neither camt.053/camt.054 XML nor MT940, and no CSV mapping was chosen for it");
    }

    /** XML starts with '<' after an optional byte-order mark and whitespace. */
    private static boolean claimsXml(byte[] content) {
        int i = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }
}
