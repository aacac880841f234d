package org.opsdesk.access.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTests {

    private static final String PASSWORD = "correct horse battery staple 42";
    private final PasswordEncoder encoder = PasswordHashing.encoder();

    @Test
    void hashesWithArgon2idAndMatchesOnlyTheRightPassword() {
        String hash = encoder.encode(PASSWORD);

        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        assertThat(encoder.matches(PASSWORD + "!", hash)).isFalse();
        assertThat(encoder.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void neverMatchesHashesOfWeakSchemes() {
        assertThat(encoder.matches("secret", "{noop}secret")).isFalse();
        // MD4 and SHA-1 of "secret", as Spring Security's legacy encoders write them
        assertThat(encoder.matches("secret", "{MD4}2b2a4a1a56dc7b0c6f2fd51a5ea1d6b7"))
                .isFalse();
        assertThat(encoder.matches("secret", "{SHA-1}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4"))
                .isFalse();
        assertThat(encoder.matches("secret", "{sha256}whatever")).isFalse();
        assertThat(encoder.matches("secret", "secret")).isFalse(); // no id at all
    }

    @Test
    void stillMatchesBcryptHashesOfEarlierVersionsAndAsksForTheirUpgrade() {
        String old = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);

        assertThat(encoder.matches(PASSWORD, old)).isTrue();
        assertThat(encoder.upgradeEncoding(old)).isTrue();
    }

    @Test
    void hashesPassPhrasesUpToTheLimitOfThePolicy() {
        String longest = "żółw ".repeat(PasswordPolicy.MAX_BYTES / 8 - 1) + "x"; // 8 bytes per "żółw "
        assertThat(longest.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PasswordPolicy.MAX_BYTES);
        assertThat(longest.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72); // bcrypt's limit

        assertThat(encoder.matches(longest, encoder.encode(longest))).isTrue();
        assertThat(encoder.matches(longest.substring(0, 72), encoder.encode(longest)))
                .isFalse();
    }
}
