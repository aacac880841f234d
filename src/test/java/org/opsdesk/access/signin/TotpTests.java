package org.opsdesk.access.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

    /** RFC 6238 appendix B's SHA-1 seed; its 8-digit codes end in these six digits. */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void makesTheCodesOfRfc6238() {
        assertThat(Totp.codeAt(RFC_SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.codeAt(RFC_SEED, Totp.step(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
    }

    @Test
    void acceptsOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1111111109);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_SEED, Totp.codeAt(RFC_SEED, step - 1), now))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SEED, Totp.codeAt(RFC_SEED, step + 1), now))
                .hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SEED, Totp.codeAt(RFC_SEED, step - 2), now))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, Totp.codeAt(RFC_SEED, step + 2), now))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, "abcdef", now)).isEmpty();
    }

    @Test
    void writesTheKeyUriAuthenticatorAppsRead() {
        assertThat(Totp.uri("Opsdesk", "ana souza", RFC_SEED))
                .isEqualTo("otpauth://totp/Opsdesk:ana%20souza?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Opsdesk"
                        + "&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.newSecret()).hasSize(20).isNotEqualTo(Totp.newSecret());
    }
}
