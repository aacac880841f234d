package org.opsdesk.portal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opsdesk.portal.verification.OneTimeSecret.Verdict;

/** How a typed secret is judged against the stored one, in the order both verifications rely on. */
class OneTimeSecretTests {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String HASH = Secrets.sha256("123456");

    private static OneTimeSecret stored(Instant expiresAt, int failures, boolean spent) {
        return new OneTimeSecret(HASH, expiresAt, failures, spent);
    }

    @Test
    void acceptsTheRightSecretBeforeItExpires() {
        assertThat(stored(NOW.plusSeconds(1), 4, false).judge(HASH, NOW, 5)).isEqualTo(Verdict.GOOD);
    }

    @Test
    void refusesAWrongSecret() {
        assertThat(stored(NOW.plusSeconds(1), 0, false).judge(Secrets.sha256("654321"), NOW, 5))
                .isEqualTo(Verdict.WRONG);
    }

    @Test
    void expiresAtItsExpiryInstant() {
        assertThat(stored(NOW, 0, false).judge(HASH, NOW, 5)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void aTriedOutSecretStaysDeadEvenWhenRightAndNotExpired() {
        assertThat(stored(NOW.plusSeconds(60), 5, false).judge(HASH, NOW, 5)).isEqualTo(Verdict.TRIED_OUT);
    }

    @Test
    void aSpentSecretIsSpentBeforeAnythingElse() {
        assertThat(stored(NOW.minusSeconds(60), 9, true).judge(HASH, NOW, 5)).isEqualTo(Verdict.SPENT);
    }

    @Test
    void triesRunOutBeforeExpiry() {
        assertThat(stored(NOW.minusSeconds(60), 5, false).judge(HASH, NOW, 5)).isEqualTo(Verdict.TRIED_OUT);
    }
}
