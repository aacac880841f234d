package org.opsdesk.actions.invocation;

import org.jspecify.annotations.Nullable;

/** Tells an upload's type from its first bytes (its magic number), never from what the client claims. */
final class ContentSniffer {

    private ContentSniffer() {}

    /** {@code application/pdf}, {@code image/png} or {@code image/jpeg}; null for anything else. */
    static @Nullable String typeOf(byte[] content) {
        if (startsWith(content, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
            return "application/pdf";
        }
        if (startsWith(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
