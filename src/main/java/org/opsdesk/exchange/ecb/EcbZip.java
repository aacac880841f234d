package org.opsdesk.exchange.ecb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.opsdesk.shared.InvalidInput;

/**
 * The ZIP archives the ECB publishes ({@code eurofxref.zip}, {@code eurofxref-hist.zip}), each holding one CSV file.
 * Reads that one entry, stopping at a size limit however the archive claims to be sized (a ZIP bomb unpacks to far
 * more than it says).
 */
final class EcbZip {

    private EcbZip() {}

    static byte[] csvInside(byte[] archive, int maxBytes) {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory()
                        && entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    return readAtMost(zip, maxBytes);
                }
            }
            throw InvalidInput.of("file", "is a ZIP archive without a CSV file");
        } catch (ZipException e) {
            throw InvalidInput.of("file", "is a broken ZIP archive");
        } catch (IOException e) {
            throw InvalidInput.of("file", "is a ZIP archive that cannot be read");
        }
    }

    private static byte[] readAtMost(ZipInputStream zip, int maxBytes) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = zip.read(buffer)) > 0) {
            if (out.size() + read > maxBytes) {
                throw InvalidInput.of("file", "unpacks to more than " + maxBytes / (1024 * 1024) + " MB");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
