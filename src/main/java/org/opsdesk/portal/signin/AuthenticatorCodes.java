package org.opsdesk.portal.signin;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Authenticator-app codes for portal clients (RFC 6238 as the apps make them: HMAC-SHA-1, 30-second steps, six
 * digits), accepted for the current step and one either side. The console's operators have their own in {@code
 * access}; the portal keeps its own so that neither module reaches into the other.
 */
final class AuthenticatorCodes {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String ALGORITHM = TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1;
    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(STEP, 6, ALGORITHM);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuthenticatorCodes() {}

    static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The latest step within one of now whose code this is, if any. */
    static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        if (!code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP.toSeconds();
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current + 1; step >= current - 1; step--) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), given)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private static String codeAt(byte[] secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(
                    new SecretKeySpec(secret, ALGORITHM), Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("TOTP secret rejected by HMAC-SHA-1", e);
        }
    }

    /** The key as people type it into an app: base32 in groups of four. */
    static String shown(byte[] secret) {
        return new Base32().encodeAsString(secret).replace("=", "").replaceAll("(.{4})(?!$)", "$1 ");
    }

    static byte[] fromShown(String shown) {
        return new Base32().decode(shown.replace(" ", ""));
    }

    /** The {@code otpauth://} address an app takes (Key Uri Format). */
    static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + shown(secret).replace(" ", "") + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
