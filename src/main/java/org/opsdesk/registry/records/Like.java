package org.opsdesk.registry.records;

import java.util.Locale;

/** A {@code LIKE} pattern for a prefix, with the caller's own wildcards taken literally. */
public final class Like {

    private Like() {}

    /** Lower case, {@code %}, {@code _} and {@code \} escaped, then {@code %}: for {@code lower(x) like ?}. */
    public static String prefix(String text) {
        return text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }
}
