package org.opsdesk.shared;

import jakarta.servlet.ServletRequest;

/**
 * The address of the TCP peer of a request, recorded by {@code platform} before a trusted proxy's
 * {@code X-Forwarded-For} replaces the remote address: the security log keeps both, so a forged or mistaken
 * forwarded address can always be told from the machine that actually connected.
 */
public final class PeerAddress {

    /** The request attribute holding the peer's address. */
    public static final String ATTRIBUTE = PeerAddress.class.getName();

    private PeerAddress() {}

    /** The peer's address; the remote address when nothing recorded it (no proxy handling on this server). */
    public static String of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String peer ? peer : request.getRemoteAddr();
    }
}
