package org.opsdesk.exchange.ecbimport;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ecb.EcbReferenceRates;
import org.opsdesk.shared.InvalidInput;
import org.springframework.web.multipart.MultipartFile;

/**
 * An ECB file as uploaded, through the API or the console's form alike: its bytes, refused on {@code file} when
 * missing, empty, beyond the parser's cap or unreadable; and the name the import log records.
 */
final class EcbUpload {

    private EcbUpload() {}

    static byte[] read(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "is required: an ECB reference-rate file (XML, CSV or ZIP)");
        }
        if (file.getSize() > EcbReferenceRates.MAX_BYTES) {
            throw InvalidInput.of("file", "is larger than " + EcbReferenceRates.MAX_BYTES / (1024 * 1024) + " MB");
        }
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw InvalidInput.of("file", "could not be read");
        }
    }

    /** The file's own name, or {@code upload} when it came without one. */
    static String name(@Nullable MultipartFile file) {
        String name = file == null ? null : file.getOriginalFilename();
        return name == null || name.isBlank() ? "upload" : name;
    }
}
