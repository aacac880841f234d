package org.opsdesk.access.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

/**
 * Where the secrets generated at the first start go: {@code <data-dir>/first-start-credentials.txt}, readable and
 * writable by the owner only (POSIX mode 600), never the log, which is copied to places a password must not be.
 * The file is written whole under another name and moved into place, so nobody reads half of it, and it is never
 * readable by others, not even for an instant.
 */
final class FirstStartCredentials {

    static final String FILE_NAME = "first-start-credentials.txt";

    private FirstStartCredentials() {}

    /** Writes these lines (replacing a file left by an earlier first start) and returns where. */
    static Path write(Path dataDirectory, List<String> lines, Instant now) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            Path partial = ownerOnlyTemporaryFile(directory);
            var text = new StringBuilder("# Opsdesk: credentials generated at the first start, ")
                    .append(now)
                    .append(".\n# Sign in, choose your own password, then delete this file.\n");
            lines.forEach(line -> text.append(line).append('\n'));
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first-start credentials to " + file, e);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path directory) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    directory,
                    FILE_NAME,
                    ".partial",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Path partial = Files.createTempFile(directory, FILE_NAME, ".partial");
        var asFile = partial.toFile(); // no POSIX modes (Windows): the closest the platform offers
        if (!(asFile.setReadable(false, false) && asFile.setReadable(true, true))) {
            throw new IOException("cannot make " + partial + " readable by its owner only");
        }
        return partial;
    }
}
