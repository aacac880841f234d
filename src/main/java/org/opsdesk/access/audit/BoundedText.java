package org.opsdesk.access.audit;

import org.jspecify.annotations.Nullable;

/** Cuts text from outside to a length before it is stored, saying that and how much was cut. */
final class BoundedText {

    private BoundedText() {}

    /**
     * The value itself when it has at most {@code max} characters; else its first {@code max} characters (never half
     * a surrogate pair) followed by a marker such as {@code …[truncated, 2097152 chars]}.
     */
    static @Nullable String cut(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end) + "…[truncated, " + value.length() + " chars]";
    }
}
