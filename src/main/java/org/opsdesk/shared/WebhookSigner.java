package org.opsdesk.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Signs a webhook message per the Standard Webhooks convention: the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, HMAC-SHA256 with the key that is the base64 after
 * {@code whsec_}, and {@code webhook-signature} lists {@code v1,<base64 signature>} per secret, separated by
 * spaces — during a rotation overlap one for the new secret and one for the old, so receivers holding either
 * verify. Shared because Opsdesk both sends such messages (notifications' webhooks, the provider connector's
 * requests) and receives them (the provider's outcome callbacks, {@link #verifies}).
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

    /**
     * Whether a received message is signed by {@code secret}: its timestamp within {@code tolerance} of {@code now}
     * (either side, so a replay captured earlier is refused once it ages), and one of the header's {@code v1}
     * signatures equal to ours, compared in constant time. Missing or malformed headers do not verify.
     */
    public boolean verifies(
            @Nullable String messageId,
            @Nullable String timestamp,
            @Nullable String signatures,
            byte[] body,
            String secret,
            Instant now,
            Duration tolerance) {
        if (messageId == null || timestamp == null || signatures == null || messageId.isBlank()) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] prefix = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] expected = hmac(WebhookSecrets.key(secret), prefix, body);
        for (String part : signatures.split(" ")) {
            if (part.startsWith("v1,") && MessageDigest.isEqual(expected, decode(part.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
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
