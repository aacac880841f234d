package org.opsdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signer, checked by the official Standard Webhooks library rather than by itself. */
class WebhookSignerTests {

    private static final String BODY =
            "{\"type\":\"operation.status_changed\",\"data\":{\"id\":\"op-1\",\"to\":\"ü\"}}";

    private final WebhookSigner signer = new WebhookSigner();
    private final String secret = WebhookSecrets.generate();

    @Test
    void producesSignaturesTheOfficialLibraryAccepts() {
        var signed = signer.sign("msg_1", Instant.now(), bytes(BODY), List.of(secret));

        assertThat(signed.signature()).matches("v1,[A-Za-z0-9+/]+={0,2}");
        assertThat(signed.timestamp()).matches("\\d{10}");
        assertThatCode(() -> new Webhook(secret).verify(BODY, headers(signed))).doesNotThrowAnyException();
    }

    @Test
    void matchesTheSignatureTheOfficialLibraryComputes() throws Exception {
        Instant at = Instant.ofEpochSecond(1_700_000_000L);
        var signed = signer.sign("msg_2", at, bytes(BODY), List.of(secret));

        assertThat(signed.signature()).isEqualTo(new Webhook(secret).sign("msg_2", at.getEpochSecond(), BODY));
    }

    @Test
    void aTamperedBodyFails() {
        var signed = signer.sign("msg_3", Instant.now(), bytes(BODY), List.of(secret));

        assertThatThrownBy(() -> new Webhook(secret).verify(BODY.replace("op-1", "op-2"), headers(signed)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aChangedSignatureFails() {
        var signed = signer.sign("msg_4", Instant.now(), bytes(BODY), List.of(secret));
        char[] signature = signed.signature().toCharArray();
        signature[5] = signature[5] == 'A' ? 'B' : 'A';
        var changed = new WebhookSigner.Signed(signed.id(), signed.timestamp(), new String(signature));

        assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers(changed)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aTimestampOlderThanFiveMinutesFails() {
        var signed = signer.sign("msg_5", Instant.now().minus(Duration.ofMinutes(6)), bytes(BODY), List.of(secret));

        assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers(signed)))
                .isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("too old");
    }

    @Test
    void anotherSecretFails() {
        var signed = signer.sign("msg_6", Instant.now(), bytes(BODY), List.of(secret));

        assertThatThrownBy(() -> new Webhook(WebhookSecrets.generate()).verify(BODY, headers(signed)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationBothTheNewAndTheOldSecretVerify() {
        String newSecret = WebhookSecrets.generate();
        var signed = signer.sign("msg_7", Instant.now(), bytes(BODY), List.of(newSecret, secret));

        assertThat(signed.signature().split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
        assertThatCode(() -> new Webhook(newSecret).verify(BODY, headers(signed)))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(secret).verify(BODY, headers(signed))).doesNotThrowAnyException();
    }

    @Test
    void afterTheOverlapOnlyTheNewSecretVerifies() {
        String newSecret = WebhookSecrets.generate();
        var signed = signer.sign("msg_8", Instant.now(), bytes(BODY), List.of(newSecret));

        assertThatCode(() -> new Webhook(newSecret).verify(BODY, headers(signed)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers(signed)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void secretsAreWhsecAndBase64OfThirtyTwoRandomBytes() {
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSecrets.key(secret)).hasSize(32);
        assertThat(WebhookSecrets.generate()).isNotEqualTo(secret);
    }

    @Test
    void refusesToSignWithoutASecretOrWithAnIdTheFormatCannotCarry() {
        assertThatThrownBy(() -> signer.sign("msg_9", Instant.now(), bytes(BODY), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("a.b", Instant.now(), bytes(BODY), List.of(secret)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifiesWhatTheOfficialLibrarySignsAndNothingElse() throws Exception {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String signature = new Webhook(secret).sign("msg_10", now.getEpochSecond(), BODY);
        String seconds = Long.toString(now.getEpochSecond());
        Duration tolerance = Duration.ofMinutes(5);

        assertThat(signer.verifies("msg_10", seconds, signature, bytes(BODY), secret, now, tolerance))
                .isTrue();
        assertThat(signer.verifies("msg_10", seconds, "v1,AAAA " + signature, bytes(BODY), secret, now, tolerance))
                .as("one matching signature among several")
                .isTrue();
        assertThat(signer.verifies("msg_10", seconds, signature, bytes(BODY + " "), secret, now, tolerance))
                .as("tampered body")
                .isFalse();
        assertThat(signer.verifies("msg_11", seconds, signature, bytes(BODY), secret, now, tolerance))
                .as("another message id")
                .isFalse();
        assertThat(signer.verifies(
                        "msg_10", seconds, signature, bytes(BODY), WebhookSecrets.generate(), now, tolerance))
                .as("another secret")
                .isFalse();
        assertThat(signer.verifies(
                        "msg_10", seconds, signature, bytes(BODY), secret, now.plus(Duration.ofMinutes(6)), tolerance))
                .as("too old")
                .isFalse();
        assertThat(signer.verifies(
                        "msg_10", seconds, signature, bytes(BODY), secret, now.minus(Duration.ofMinutes(6)), tolerance))
                .as("from the future")
                .isFalse();
        assertThat(signer.verifies(null, seconds, signature, bytes(BODY), secret, now, tolerance))
                .isFalse();
        assertThat(signer.verifies("msg_10", "soon", signature, bytes(BODY), secret, now, tolerance))
                .isFalse();
        assertThat(signer.verifies("msg_10", seconds, "v1,%%%", bytes(BODY), secret, now, tolerance))
                .isFalse();
        assertThat(signer.verifies("msg_10", seconds, null, bytes(BODY), secret, now, tolerance))
                .isFalse();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> headers(WebhookSigner.Signed signed) {
        return Map.of(
                "webhook-id", List.of(signed.id()),
                "webhook-timestamp", List.of(signed.timestamp()),
                "webhook-signature", List.of(signed.signature()));
    }
}
