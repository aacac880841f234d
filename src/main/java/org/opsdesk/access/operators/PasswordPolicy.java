package org.opsdesk.access.operators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What an operator's password must be (NIST SP 800-63B style: length over composition rules): at least 12
 * characters and at most 256 bytes in UTF-8, not the username or built on it, not a commonly used password. The
 * upper limit is in bytes because that is what a hash function takes: a pass-phrase in Polish or Cyrillic reaches
 * it with fewer characters than one in English, and the message says so.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 256;

    private final Set<String> common = loadCommonPasswords();

    /** The reason a password is refused, or empty if it is acceptable. */
    public Optional<String> problem(String password, String username) {
        var length = lengthProblem(password);
        if (length.isPresent()) {
            return length;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the username");
        }
        if (common.contains(lower) || password.chars().distinct().count() < 4) {
            return Optional.of("is too common or too easy to guess; choose a longer, less predictable passphrase");
        }
        return Optional.empty();
    }

    /**
     * The length rules alone, for a password chosen outside Opsdesk (OPSDESK_ADMIN_PASSWORD): too short, or longer
     * than {@link #MAX_BYTES} bytes in UTF-8.
     */
    public static Optional<String> lengthProblem(String password) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES
                    + " bytes long in UTF-8 (letters with accents and other scripts take 2 to 4 bytes each)");
        }
        return Optional.empty();
    }

    private static Set<String> loadCommonPasswords() {
        var resource = PasswordPolicy.class.getResourceAsStream("/access/common-passwords.txt");
        if (resource == null) {
            throw new IllegalStateException("access/common-passwords.txt is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
