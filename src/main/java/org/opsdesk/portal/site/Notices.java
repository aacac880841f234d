package org.opsdesk.portal.site;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The notices a redirect may ask a portal page to show ({@code ?notice=}), as message keys: only these, so a link
 * cannot make the page say anything else.
 */
public final class Notices {

    private static final Set<String> KNOWN = Set.of(
            "emailSent",
            "emailNotSent",
            "emailConfirmed",
            "phoneVerified",
            "codeSent",
            "codeTooSoon",
            "codeTooMany",
            "codeFailed",
            "totpOn",
            "totpOff");

    private Notices() {}

    /** The message key of a known notice, or null. */
    public static @Nullable String known(@Nullable String notice) {
        return notice != null && KNOWN.contains(notice) ? "portal.notice." + notice : null;
    }
}
