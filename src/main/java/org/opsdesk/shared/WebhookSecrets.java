package org.opsdesk.shared;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets in the Standard Webhooks format: {@code whsec_} followed by the base64 of 32 random bytes. */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {}

    public static String generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret: the bytes of the base64 after the prefix. */
    public static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
