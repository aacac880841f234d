package org.opsdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opsdesk.clients.ChannelDecision.Refusal;

/** The channel decision notifications will rely on, without Spring. */
class ClientContactTests {

    private static final Instant AT = Instant.parse("2026-01-10T09:00:00Z");

    @Test
    void refusesEmailWithoutAnAddressEvenWithConsent() {
        var client = client(null, "+5511987654321", true, "tok", Map.of(Channel.EMAIL, granted(Channel.EMAIL)));
        assertThat(client.decide(Channel.EMAIL).refusal()).isEqualTo(Refusal.NO_EMAIL);
    }

    @Test
    void refusesSmsToAnUnverifiedPhone() {
        var client =
                client("ana@example.com", "+5511987654321", false, null, Map.of(Channel.SMS, granted(Channel.SMS)));
        var decision = client.decide(Channel.SMS);
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.refusal()).isEqualTo(Refusal.PHONE_NOT_VERIFIED);
    }

    @Test
    void refusesSmsWithoutAPhone() {
        var client = client("ana@example.com", null, false, null, Map.of(Channel.SMS, granted(Channel.SMS)));
        assertThat(client.decide(Channel.SMS).refusal()).isEqualTo(Refusal.NO_PHONE);
    }

    @Test
    void refusesPushWithoutAToken() {
        var client = client("ana@example.com", null, false, null, Map.of(Channel.PUSH, granted(Channel.PUSH)));
        assertThat(client.decide(Channel.PUSH).refusal()).isEqualTo(Refusal.NO_PUSH_TOKEN);
    }

    @Test
    void refusesAChannelWhoseConsentWasWithdrawn() {
        var client = client(
                "ana@example.com",
                null,
                false,
                null,
                Map.of(Channel.EMAIL, new Consent(Channel.EMAIL, false, AT, "unsubscribe-link")));
        assertThat(client.decide(Channel.EMAIL).refusal()).isEqualTo(Refusal.CONSENT_WITHDRAWN);
    }

    @Test
    void refusesAChannelWithoutAnyConsent() {
        var client = client("ana@example.com", "+5511987654321", true, "tok", Map.of());
        assertThat(client.decide(Channel.EMAIL).refusal()).isEqualTo(Refusal.NO_CONSENT);
        assertThat(client.decide(Channel.SMS).refusal()).isEqualTo(Refusal.NO_CONSENT);
        assertThat(client.decide(Channel.PUSH).refusal()).isEqualTo(Refusal.NO_CONSENT);
    }

    @Test
    void allowsEveryChannelWithItsAddressAndAGrantedConsent() {
        var consents = new EnumMap<Channel, Consent>(Channel.class);
        for (Channel channel : Channel.values()) {
            consents.put(channel, granted(channel));
        }
        var client = client("ana@example.com", "+5511987654321", true, "tok", consents);
        for (Channel channel : Channel.values()) {
            var decision = client.decide(channel);
            assertThat(decision.isAllowed()).as(channel.code()).isTrue();
            assertThat(decision.refusal()).isNull();
            assertThat(decision.channel()).isEqualTo(channel);
        }
    }

    private static Consent granted(Channel channel) {
        return new Consent(channel, true, AT, "signup-form");
    }

    private static ClientContact client(
            @Nullable String email,
            @Nullable String phone,
            boolean verified,
            @Nullable String pushToken,
            Map<Channel, Consent> consents) {
        return new ClientContact("client-1", "Ana", email, phone, verified, "pt-BR", pushToken, consents, 1, AT);
    }
}
