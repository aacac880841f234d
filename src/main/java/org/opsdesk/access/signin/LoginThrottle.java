package org.opsdesk.access.signin;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per client address in fixed windows ({@code access.login_throttle}), shared by every node: past
 * the limit, an address is refused without its password being checked until its window ends.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SignInSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    boolean refuses(String ip, Instant now) {
        return jdbc.sql("select failures >= ? and window_start > ? from access.login_throttle where ip = ?")
                .params(settings.ipMaxFailures(), ts(now.minus(settings.ipWindow())), ip)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * True for exactly one refusal of a throttled address per window, whichever node answers it (a conditional
     * update of the address's row); the caller logs only that one.
     */
    boolean firstRefusalInWindow(String ip) {
        return jdbc.sql(
                                """
                        update access.login_throttle set refusal_logged_for = window_start
                        where ip = ? and refusal_logged_for is distinct from window_start""")
                        .param(ip)
                        .update()
                == 1;
    }

    /** Counts a failure; a window that has ended starts again from this failure. */
    void recordFailure(String ip, Instant now) {
        OffsetDateTime windowOver = ts(now.minus(settings.ipWindow()));
        jdbc.sql(
                        """
                        insert into access.login_throttle as t (ip, window_start, failures) values (?, ?, 1)
                        on conflict (ip) do update set
                            failures = case when t.window_start <= ? then 1 else t.failures + 1 end,
                            window_start = case when t.window_start <= ? then excluded.window_start else t.window_start end""")
                .params(ip, ts(now), windowOver, windowOver)
                .update();
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void forgetEndedWindows() {
        jdbc.sql("delete from access.login_throttle where window_start <= ?")
                .param(ts(clock.instant().minus(settings.ipWindow())))
                .update();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
