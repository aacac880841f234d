package org.opsdesk.clients.directory;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;

/**
 * What an {@code If-Match} header asks for: nothing (absent), that the client exists ({@code *}), or that it is
 * at a version ({@code "3"}, our strong ETag, or a bare 3). The same reading as the operations API, written here
 * because modules do not share internals.
 */
record ClientPrecondition(boolean required, @Nullable Long version) {

    private static final Pattern VERSION = Pattern.compile("\"?(\\d{1,18})\"?");
    static final ClientPrecondition NONE = new ClientPrecondition(false, null);

    static ClientPrecondition ifMatch(@Nullable String header) {
        if (header == null) {
            return NONE;
        }
        if (header.trim().equals("*")) {
            return new ClientPrecondition(true, null);
        }
        var matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw InvalidInput.of("If-Match", "must be the client's ETag, such as \"3\"");
        }
        return new ClientPrecondition(true, Long.parseLong(matcher.group(1)));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
