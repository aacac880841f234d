package org.opsdesk.clients;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A client as the directory knows them: how to reach them, in which language, and their current consent per
 * channel (a channel they never stated a consent for is absent).
 *
 * @param subject the id operations refer to this client by
 * @param locale a language tag of the console's languages: {@code en}, {@code pt-BR}, {@code nl}, {@code pl}
 * @param version grows with every change; the API's ETag
 */
public record ClientContact(
        String subject,
        String name,
        @Nullable String email,
        @Nullable String phone,
        boolean phoneVerified,
        String locale,
        @Nullable String pushToken,
        Map<Channel, Consent> consents,
        long version,
        Instant updatedAt) {

    public ClientContact {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(name);
        Objects.requireNonNull(locale);
        var copy = new EnumMap<Channel, Consent>(Channel.class);
        copy.putAll(consents);
        consents = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<Consent> consent(Channel channel) {
        return Optional.ofNullable(consents.get(channel));
    }

    /**
     * Whether this client may be reached on the channel: the address the channel needs (email; a verified phone
     * for SMS; a push token) and a consent that is granted, not withdrawn.
     */
    public ChannelDecision decide(Channel channel) {
        ChannelDecision.Refusal missing =
                switch (channel) {
                    case EMAIL -> email == null ? ChannelDecision.Refusal.NO_EMAIL : null;
                    case SMS ->
                        phone == null
                                ? ChannelDecision.Refusal.NO_PHONE
                                : phoneVerified ? null : ChannelDecision.Refusal.PHONE_NOT_VERIFIED;
                    case PUSH -> pushToken == null ? ChannelDecision.Refusal.NO_PUSH_TOKEN : null;
                };
        if (missing != null) {
            return ChannelDecision.refused(channel, missing);
        }
        Consent consent = consents.get(channel);
        if (consent == null) {
            return ChannelDecision.refused(channel, ChannelDecision.Refusal.NO_CONSENT);
        }
        return consent.granted()
                ? ChannelDecision.allowed(channel)
                : ChannelDecision.refused(channel, ChannelDecision.Refusal.CONSENT_WITHDRAWN);
    }
}
