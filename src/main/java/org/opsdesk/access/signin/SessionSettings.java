package org.opsdesk.access.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a console session lives ({@code opsdesk.sessions.*}): it ends after {@code idleTimeout} without a
 * request, and in any case {@code absoluteTimeout} after sign-in.
 */
@ConfigurationProperties("opsdesk.sessions")
record SessionSettings(Duration idleTimeout, Duration absoluteTimeout) {

    SessionSettings {
        if (idleTimeout.toSeconds() < 60 || absoluteTimeout.compareTo(idleTimeout) < 0) {
            throw new IllegalStateException(
                    "opsdesk.sessions.idle-timeout must be at least PT1M and absolute-timeout at least as long");
        }
    }
}
