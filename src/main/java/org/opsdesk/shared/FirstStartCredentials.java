package org.opsdesk.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Where the secrets generated at the first start go: {@code <data-dir>/first-start-credentials.txt}, readable and
 * writable by the owner only (POSIX mode 600), never the log, which is copied to places a password must not be.
 * The file is written whole under another name and moved into place, so nobody reads half of it, and it is never
 * readable by others, not even for an instant. The access module writes the operators' and keys' secrets into it;
 * the demo adds its portal client's.
 */
public final class FirstStartCredentials {

    public static final String FILE_NAME = "first-start-credentials.txt";

    private FirstStartCredentials() {}

    /** A password to write into the file: 144 random bits, 24 URL-safe characters. */
    public static String generatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes these lines (replacing a file left by an earlier first start) and returns where. */
    public static Path write(Path dataDirectory, List<String> lines, Instant now) {
        Path file = file(dataDirectory);
        var text = new StringBuilder("# Opsdesk: credentials generated at the first start, ")
                .append(now)
                .append(".\n# Sign in, choose your own password, then delete this file.\n");
        lines.forEach(line -> text.append(line).append('\n'));
        replace(file, text.toString());
        return file;
    }

    /**
     * Adds these lines to the file (starting one when there is none, as when the operators' secrets were
     * configured rather than generated) and returns where.
     */
    public static Path append(Path dataDirectory, List<String> lines, Instant now) {
        Path file = file(dataDirectory);
        if (!Files.exists(file)) {
            return write(dataDirectory, lines, now);
        }
        try {
            var text = new StringBuilder(Files.readString(file, StandardCharsets.UTF_8));
            lines.forEach(line -> text.append(line).append('\n'));
            replace(file, text.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add to the first-start credentials in " + file, e);
        }
    }

    private static Path file(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    private static void replace(Path file, String text) {
        Path directory = file.getParent();
        try {
            Files.createDirectories(directory);
            Path partial = ownerOnlyTemporaryFile(directory);
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
