package org.opsdesk.clients.directory;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.clients.Channel;

/**
 * What an integrator says a client is now. A channel absent from {@code consents} keeps its consent as it is:
 * consents end only by a withdrawal ({@code granted: false}), which history keeps.
 */
record ClientDraft(
        String subject,
        String name,
        @Nullable String email,
        @Nullable String phone,
        boolean phoneVerified,
        String locale,
        @Nullable String pushToken,
        Map<Channel, Statement> consents) {

    /** A consent as reported; {@code at} is absent when the integrator means "now". */
    record Statement(boolean granted, @Nullable Instant at, String source) {}
}
