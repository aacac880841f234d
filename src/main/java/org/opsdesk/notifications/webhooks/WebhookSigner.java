package org.opsdesk.notifications.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signs a webhook message per the Standard Webhooks convention: the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, HMAC-SHA256 with the key that is the base64 after
 * {@code whsec_}, and {@code webhook-signature} lists {@code v1,<base64 signature>} per secret, separated by
 * spaces — during a rotation overlap one for the new secret and one for the old, so receivers holding either
 * verify.
 */
@Component
public class WebhookSigner {

    /** The three headers of one signed message. */
    public record Signed(String id, String timestamp, String signature) {
        public Map<String, String> headers() {
            return Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
        }
    }

    /** Signs {@code body} for delivery at {@code timestamp} with each secret ({@code whsec_…}), newest first. */
    public Signed sign(String messageId, Instant timestamp, byte[] body, List<String> secrets) {
        if (messageId.isBlank() || messageId.contains(".")) {
            throw new IllegalArgumentException("a message id is non-blank and has no '.'");
        }
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("signing needs at least one secret");
        }
        String seconds = Long.toString(timestamp.getEpochSecond());
        byte[] prefix = (messageId + "." + seconds + ".").getBytes(StandardCharsets.UTF_8);
        String signature = secrets.stream()
                .map(secret ->
                        "v1," + Base64.getEncoder().encodeToString(hmac(WebhookSecrets.key(secret), prefix, body)))
                .collect(Collectors.joining(" "));
        return new Signed(messageId, seconds, signature);
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
