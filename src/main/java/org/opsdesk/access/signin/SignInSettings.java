package org.opsdesk.access.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force limits of the console sign-in ({@code opsdesk.sign-in.*}), all counted in PostgreSQL so every node
 * sees the same numbers.
 *
 * @param maxFailures consecutive failed passwords that lock an account softly (a correct password plus a code
 *     still passes), and that lock it hard for the one source address they came from
 * @param maxCodeFailures consecutive failures that lock an account hard once a wrong code is among them
 * @param lockDuration how long a lock lasts
 * @param delayAfter failures of one account from one address after which that address waits before its next try
 *     (1 s, doubling with each further failure)
 * @param maxDelay the longest of those waits before the lock
 * @param ipMaxFailures failed attempts from one client address per window before it is refused outright
 * @param ipWindow the length of that window
 */
@ConfigurationProperties("opsdesk.sign-in")
record SignInSettings(
        int maxFailures,
        int maxCodeFailures,
        Duration lockDuration,
        int delayAfter,
        Duration maxDelay,
        int ipMaxFailures,
        Duration ipWindow) {

    SignInSettings {
        if (maxFailures < 1 || maxCodeFailures < 1 || ipMaxFailures < 1 || delayAfter < 1) {
            throw new IllegalStateException("opsdesk.sign-in failure limits must be at least 1");
        }
        if (maxDelay.isNegative()) {
            throw new IllegalStateException("opsdesk.sign-in.max-delay must not be negative");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || ipWindow.isNegative() || ipWindow.isZero()) {
            throw new IllegalStateException("opsdesk.sign-in.lock-duration and .ip-window must be positive");
        }
    }
}
