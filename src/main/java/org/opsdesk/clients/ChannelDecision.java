package org.opsdesk.clients;

import org.jspecify.annotations.Nullable;

/**
 * Whether a client may be reached on a channel now, and if not, why — so a notification that is not sent can say
 * exactly what was missing.
 */
public record ChannelDecision(Channel channel, @Nullable Refusal refusal) {

    /** Why a channel may not be used. */
    public enum Refusal {
        /** No client with this subject is in the directory. */
        UNKNOWN_CLIENT,
        NO_EMAIL,
        NO_PHONE,
        PHONE_NOT_VERIFIED,
        NO_PUSH_TOKEN,
        /** The client never stated a consent for this channel. */
        NO_CONSENT,
        /** The client's last word on this channel was a withdrawal. */
        CONSENT_WITHDRAWN
    }

    public static ChannelDecision allowed(Channel channel) {
        return new ChannelDecision(channel, null);
    }

    public static ChannelDecision refused(Channel channel, Refusal refusal) {
        return new ChannelDecision(channel, refusal);
    }

    public boolean isAllowed() {
        return refusal == null;
    }
}
