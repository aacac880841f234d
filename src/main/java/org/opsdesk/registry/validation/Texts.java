package org.opsdesk.registry.validation;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;

/** Free text and ids of the registry's records: trimmed, within a length, without control characters. */
public final class Texts {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Texts() {}

    /** The trimmed text, or 422 on {@code field} when it is blank, longer than {@code max} or has control characters. */
    public static String required(String field, @Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(field, "is required");
        }
        return checked(field, text.strip(), max);
    }

    /** Like {@link #required}, but null for a missing or blank text. */
    public static @Nullable String optional(String field, @Nullable String text, int max) {
        return text == null || text.isBlank() ? null : checked(field, text.strip(), max);
    }

    /** A record's id as the API's paths carry it, or 422 on {@code field}. */
    public static UUID id(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(field, "is required");
        }
        try {
            var id = UUID.fromString(text.strip());
            if (id.toString().equals(text.strip().toLowerCase(java.util.Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw InvalidInput.of(field, "must be a record id (a UUID such as 3f6c2a9e-8b1d-4c7a-9e2f-5a4b3c2d1e0f)");
    }

    /** The id in a path, or empty when it is not one (so that a malformed id answers 404 like an unknown one). */
    public static java.util.Optional<UUID> pathId(String text) {
        try {
            var id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? java.util.Optional.of(id) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String checked(String field, String text, int max) {
        if (text.length() > max) {
            throw InvalidInput.of(field, "must be at most " + max + " characters");
        }
        if (CONTROL.matcher(text).find()) {
            throw InvalidInput.of(field, "must not contain control characters (line breaks, tabs, NUL)");
        }
        return text;
    }
}
