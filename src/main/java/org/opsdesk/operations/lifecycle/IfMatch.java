package org.opsdesk.operations.lifecycle;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;

/** Reads the version an If-Match header names: {@code "7"} (our strong ETag), a bare 7, or * for any. */
final class IfMatch {
    private static final Pattern VERSION = Pattern.compile("\"?(\\d{1,18})\"?");

    private IfMatch() {}

    static @Nullable Long version(@Nullable String header) {
        if (header == null || header.trim().equals("*")) {
            return null;
        }
        var matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw InvalidInput.of("If-Match", "must be the operation's ETag, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
