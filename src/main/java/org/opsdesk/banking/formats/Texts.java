package org.opsdesk.banking.formats;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Whitespace normalisation for the texts banks wrap at fixed widths. */
final class Texts {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Texts() {}

    /** Collapses runs of whitespace (line breaks included) to one space and trims; blank becomes {@code null}. */
    static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        if (isClean(text)) {
            return text; // the common case in large files: no regex, no copy
        }
        String collapsed = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** Non-empty, no whitespace but single spaces between words. */
    private static boolean isClean(String text) {
        if (text.isEmpty() || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ' ' && text.charAt(i - 1) == ' ') || (c != ' ' && Character.isWhitespace(c)) || c == '\u00A0') {
                return false;
            }
        }
        return true;
    }

    /** Joins the non-blank parts with a space, cleaned; {@code null} when nothing is left. */
    static @Nullable String join(Stream<@Nullable String> parts) {
        return clean(parts.filter(Objects::nonNull).collect(Collectors.joining(" ")));
    }

    /** The first non-blank of the candidates, cleaned. */
    static @Nullable String first(@Nullable String... candidates) {
        for (String candidate : candidates) {
            String cleaned = clean(candidate);
            if (cleaned != null) {
                return cleaned;
            }
        }
        return null;
    }
}
