package org.opsdesk.banking.imports;

import org.jspecify.annotations.Nullable;

/** A file name as people gave it, made safe to keep and show: no path, no control characters, 255 at most. */
public final class FileNames {

    private FileNames() {}

    public static @Nullable String clean(@Nullable String given) {
        if (given == null) {
            return null;
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty()) {
            return null;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
