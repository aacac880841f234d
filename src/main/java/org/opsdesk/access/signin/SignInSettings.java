package org.opsdesk.access.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brute-force limits of the console sign-in ({@code opsdesk.sign-in.*}), all counted in PostgreSQL so every node
 * sees the same numbers.
 *
 * @param maxFailures consecutive failed passwords (and codes) that lock an account
 * @param maxCodeFailures consecutive failures that lock an account once a wrong code is among them
 * @param lockDuration how long a locked account refuses every sign-in
 * @param ipMaxFailures failed attempts from one client address per window before it is refused outright
 * @param ipWindow the length of that window
 */
@ConfigurationProperties("opsdesk.sign-in")
record SignInSettings(
        int maxFailures, int maxCodeFailures, Duration lockDuration, int ipMaxFailures, Duration ipWindow) {

    SignInSettings {
        if (maxFailures < 1 || maxCodeFailures < 1 || ipMaxFailures < 1) {
            throw new IllegalStateException("opsdesk.sign-in failure limits must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero() || ipWindow.isNegative() || ipWindow.isZero()) {
            throw new IllegalStateException("opsdesk.sign-in.lock-duration and .ip-window must be positive");
        }
    }
}
