package org.opsdesk.notifications.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.notifications.Changes;
import org.opsdesk.notifications.rules.NotificationMessages;
import org.opsdesk.notifications.rules.NotificationRules;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.workflow.Status;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS and push to clients created through {@code PUT /api/v1/clients/{subject}}: sent through the configured HTTP
 * gateways only to a verified phone (or a push token) with a granted consent, otherwise skipped with the reason.
 */
class ClientMessagingIntegrationTests extends IntegrationTest {

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    @Autowired
    NotificationRules rules;

    @Autowired
    NotificationMessages messages;

    @Autowired
    ClientMessaging clientMessaging;

    @BeforeEach
    void reset() {
        gateway.received.clear();
        gateway.status = 202;
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void textsAVerifiedConsentingClientInTheirLanguage() {
        String subject = client("\"phone\":\"+5511987654321\",\"phoneVerified\":true", "sms", true, "pt-BR");
        var event = Changes.of("withdrawal")
                .subject(subject)
                .reference("W-42")
                .to("sent", Status.PENDING)
                .build();
        var rule = rules.plan(event).get(0).rule();

        var result = clientMessaging.sms(subject, messages.compose(rule, event));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.SENT);
        var request = gateway.received.get(0);
        assertThat(request.path()).isEqualTo("/sms");
        assertThat(request.authorization()).isEqualTo("Bearer test-sms-key");
        var json = JsonMapper.builder().build().readTree(request.body());
        assertThat(json.get("to").asString()).isEqualTo("+5511987654321");
        assertThat(json.get("text").asString())
                .isEqualTo("W-42: seu saque de 1.234,50 EUR foi enviado e deve chegar à sua conta em breve.");
    }

    @Test
    void skipsAnUnverifiedPhoneAMissingConsentAndAWithdrawnOne() {
        var event = Changes.of("withdrawal").to("sent", Status.PENDING).build();
        var message = messages.compose(rules.rule("withdrawal-sent-client-sms").orElseThrow(), event);

        String unverified = client("\"phone\":\"+31612345678\",\"phoneVerified\":false", "sms", true, "nl");
        String noConsent = client("\"phone\":\"+31612345678\",\"phoneVerified\":true", null, true, "nl");
        String withdrawn = client("\"phone\":\"+31612345678\",\"phoneVerified\":true", "sms", false, "nl");
        String noPhone = client("\"email\":\"x@example.com\"", "sms", true, "nl");

        assertThat(clientMessaging.sms(unverified, message)).isEqualTo(SendResult.skipped("sms: phone not verified"));
        assertThat(clientMessaging.sms(noConsent, message)).isEqualTo(SendResult.skipped("sms: no consent"));
        assertThat(clientMessaging.sms(withdrawn, message)).isEqualTo(SendResult.skipped("sms: consent withdrawn"));
        assertThat(clientMessaging.sms(noPhone, message)).isEqualTo(SendResult.skipped("sms: no phone"));
        assertThat(gateway.received).as("nothing reached the gateway").isEmpty();
    }

    @Test
    void pushesToTheAppBackendOnlyWithATokenAndConsent() {
        var rule = rules.rule("deposit-credited-client-email").orElseThrow();
        String withToken = client("\"pushToken\":\"app-token-7\"", "push", true, "nl");
        var event = Changes.of("deposit").subject(withToken).reference("D-5").build();
        String withoutToken = client("\"email\":\"y@example.com\"", "push", true, "nl");

        var sent = clientMessaging.push(withToken, messages.compose(rule, event));
        var skipped = clientMessaging.push(withoutToken, messages.compose(rule, event));

        assertThat(sent.outcome()).isEqualTo(SendResult.Outcome.SENT);
        var json = JsonMapper.builder().build().readTree(gateway.received.get(0).body());
        assertThat(json.get("token").asString()).isEqualTo("app-token-7");
        assertThat(json.get("title").asString()).isEqualTo("Uw storting D-5 is bijgeschreven");
        assertThat(gateway.received.get(0).path()).isEqualTo("/push");
        assertThat(skipped).isEqualTo(SendResult.skipped("push: no push token"));
    }

    @Test
    void aGatewayOutageIsATransientFailure() {
        gateway.status = 503;
        String subject = client("\"phone\":\"+48600100200\",\"phoneVerified\":true", "sms", true, "pl");
        var event = Changes.of("withdrawal")
                .subject(subject)
                .to("sent", Status.PENDING)
                .build();

        var result = clientMessaging.sms(
                subject,
                messages.compose(rules.rule("withdrawal-sent-client-sms").orElseThrow(), event));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAILED_TRANSIENT);
        assertThat(result.detail()).startsWith("sms gateway answered 503");
    }

    private String client(String contact, String consentChannel, boolean granted, String locale) {
        String subject = "client-" + UUID.randomUUID();
        String consents = consentChannel == null
                ? ""
                : ",\"consents\":{\"" + consentChannel + "\":{\"granted\":" + granted + ",\"source\":\"app\"}}";
        var response = api().put(
                        "/api/v1/clients/" + subject,
                        "{\"name\":\"Ana Souza\",\"locale\":\"" + locale + "\"," + contact + consents + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return subject;
    }
}
