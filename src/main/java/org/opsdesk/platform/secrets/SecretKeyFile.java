package org.opsdesk.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's 256-bit secret key, which encrypts secrets that must be read back (TOTP secrets, webhook signing
 * secrets): from {@code opsdesk.secret-key} (base64 of 32 bytes), or — only with the embedded database, which one
 * node owns — generated once into {@code <data-dir>/secret.key}. With an external database several nodes may share
 * the data, and each would generate a key of its own that cannot open what the others sealed; so there the key
 * must be configured, and the start is refused without it.
 */
final class SecretKeyFile {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyFile.class);
    static final String FILE_NAME = "secret.key";
    private static final int KEY_BYTES = 32;

    private SecretKeyFile() {}

    /**
     * @param externalDatabase whether {@code spring.datasource.url} names a database other nodes may share: then a
     *     configured key is required
     */
    static SecretKey load(@Nullable String configured, Path dataDirectory, boolean externalDatabase) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.trim(), "OPSDESK_SECRET_KEY (opsdesk.secret-key)");
        }
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(FILE_NAME);
        if (externalDatabase) {
            throw new IllegalStateException(missingWithExternalDatabase(file));
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return; // another instance on the same directory made it first: use theirs
        }
        Files.writeString(
                file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
        log.warn(
                "Generated the secret key that encrypts TOTP and webhook secrets into {} (readable only by this user). Back it up:"
                        + " without it every operator must enrol MFA again. Several instances must share one key:"
                        + " set OPSDESK_SECRET_KEY to this file's content on each.",
                file);
    }

    static String missingWithExternalDatabase(Path file) {
        return "OPSDESK_SECRET_KEY (opsdesk.secret-key) is not set, and the database is external"
                + " (spring.datasource.url): several nodes would each generate their own key and could not read the"
                + " TOTP and webhook secrets the others sealed. Set OPSDESK_SECRET_KEY to the same base64 of 32 bytes"
                + " on every node (generate one with: openssl rand -base64 32)"
                + (Files.exists(file) ? "; this node generated " + file + " before: use its content" : "") + ".";
    }

    private static SecretKey decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secret key from " + source + " is not valid base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("the secret key from " + source + " must be base64 of exactly " + KEY_BYTES
                    + " bytes, found " + key.length + " (generate one with: openssl rand -base64 32)");
        }
        return new SecretKeySpec(key, "AES");
    }
}
