package org.opsdesk.registry.documents;

import java.util.Set;
import org.apache.tika.Tika;
import org.opsdesk.shared.InvalidInput;

/**
 * What a document upload is, judged from its bytes: Apache Tika's magic-number detection, never the type the
 * client claimed or the file's extension (a script named {@code id.pdf} is refused). Only PDF, PNG and JPEG are
 * kept; the size is checked before anything is read.
 */
final class DocumentContent {

    static final Set<String> ALLOWED = Set.of("application/pdf", "image/png", "image/jpeg");

    /** Tika's facade is thread-safe; its magic-byte detector is loaded once. */
    private static final Tika TIKA = new Tika();

    private DocumentContent() {}

    /** The sniffed content type, or 422 on {@code field}: empty, larger than {@code maxBytes}, or not allowed. */
    static String sniff(String field, byte[] content, int maxBytes) {
        if (content.length == 0) {
            throw InvalidInput.of(field, "the file is empty");
        }
        if (content.length > maxBytes) {
            throw InvalidInput.of(field, "the file is " + content.length + " bytes; at most " + maxBytes + " are kept");
        }
        String type = TIKA.detect(content);
        if (!ALLOWED.contains(type)) {
            throw InvalidInput.of(field, "the file's content is " + type + ", not a PDF, PNG or JPEG");
        }
        return type;
    }

    /**
     * The file name kept and offered on download: its last path segment, without control characters or quotes,
     * at most 255 characters; {@code document} when nothing is left.
     */
    static String fileName(String claimed) {
        String name = claimed.substring(Math.max(claimed.lastIndexOf('/'), claimed.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "document";
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
