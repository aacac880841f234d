package org.opsdesk.registry.validation;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opsdesk.shared.InvalidInput;

/**
 * Email addresses as the registry keeps them: trimmed and in lower case (a Pix key and a login compare them so),
 * one {@code @}, a domain with a dot and no empty labels, at most 254 characters (RFC 5321's path limit).
 */
public final class Emails {

    private static final Pattern SHAPE =
            Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private Emails() {}

    public static String parse(String field, String typed) {
        String email = typed.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254) {
            throw InvalidInput.of(field, "must be at most 254 characters");
        }
        if (!SHAPE.matcher(email).matches() || email.startsWith(".") || email.contains("..") || email.contains(".@")) {
            throw InvalidInput.of(field, "is not an email address (name@example.com)");
        }
        return email;
    }
}
