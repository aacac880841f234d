package org.opsdesk.exports.csv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A temporary file between the database and the client: the export is read into it at the database's speed (the
 * transaction and its pooled connection end as soon as the last row is written), then sent from it at the client's
 * speed. Readable and writable by the application's user only, since it holds whatever the filter matched, and
 * deleted when closed — the export finished, failed or the client went away.
 */
final class ExportSpool implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final OutputStream out;

    private ExportSpool(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    }

    /** A new empty spool file in {@code directory}, created if missing. */
    static ExportSpool create(Path directory) {
        try {
            Files.createDirectories(directory);
            return new ExportSpool(Files.createTempFile(directory, "opsdesk-export-", ".csv", ownerOnly()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an export spool file in " + directory, e);
        }
    }

    /** Where the CSV is written; written in full before {@link #sendTo}. */
    OutputStream output() {
        return out;
    }

    /**
     * Sends the whole file to the client, telling {@code sent} how many bytes went out after each write, so that
     * an export the client breaks off is audited with what it received.
     */
    void sendTo(OutputStream client, java.util.function.LongConsumer sent) {
        try {
            out.close();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                long total = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    client.write(buffer, 0, n);
                    total += n;
                    sent.accept(total);
                }
                client.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted next; a failed flush of it changes nothing
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete export spool file " + file, e);
        }
    }

    Path file() {
        return file;
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0]; // Windows: the user's temporary directory is private already
        }
        return List.of(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                .toArray(FileAttribute<?>[]::new);
    }
}
