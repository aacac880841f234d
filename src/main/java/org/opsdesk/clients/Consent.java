package org.opsdesk.clients;

import java.time.Instant;
import java.util.Objects;

/**
 * A client's consent to be reached on a channel, as last reported: given ({@code granted}) or withdrawn, when the
 * client did so, and where (a sign-up form, a support call...).
 */
public record Consent(Channel channel, boolean granted, Instant at, String source) {
    public Consent {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(at);
        Objects.requireNonNull(source);
    }
}
