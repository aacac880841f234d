package org.opsdesk.access.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins per account <em>and</em> source address ({@code access.login_source_failure}), shared by every
 * node: from the {@code delayAfter}-th failure on, that address must wait before its next attempt on that account
 * (1 s, then doubling up to {@code maxDelay}); at {@code maxFailures} it is locked out of that account for
 * {@code lockDuration}. Other addresses, the owner's among them, are not held back by it.
 */
@Repository
class SourceLocks {

    /** The outcome of counting one more failure from an address. */
    record Failure(int failures, boolean lockedNow) {}

    private final JdbcClient jdbc;
    private final SignInSettings settings;
    private final Clock clock;

    SourceLocks(JdbcClient jdbc, SignInSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether this address must still wait (a delay or a lock) before trying this account again. */
    boolean waiting(UUID operator, String ip, Instant now) {
        return jdbc.sql("select retry_after > ? from access.login_source_failure where operator_id = ? and ip = ?")
                .params(ts(now), operator, ip)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Counts a failure; one after a lock that has ended, or long after the previous failure, starts again from 1.
     * Call inside a transaction: the count and the wait it sets are two statements on the same locked row.
     */
    Failure recordFailure(UUID operator, String ip, Instant now) {
        OffsetDateTime stale = ts(now.minus(settings.lockDuration()));
        int failures = jdbc.sql(
                        """
                        insert into access.login_source_failure as f
                            (operator_id, ip, failures, last_failure_at, retry_after) values (?, ?, 1, ?, ?)
                        on conflict (operator_id, ip) do update set
                            failures = case when f.last_failure_at <= ? or (f.failures >= ? and f.retry_after <= ?)
                                then 1 else f.failures + 1 end,
                            last_failure_at = excluded.last_failure_at
                        returning failures""")
                .params(operator, ip, ts(now), ts(now), stale, settings.maxFailures(), ts(now))
                .query(Integer.class)
                .single();
        jdbc.sql("update access.login_source_failure set retry_after = ? where operator_id = ? and ip = ?")
                .params(ts(now.plus(waitAfter(failures))), operator, ip)
                .update();
        return new Failure(failures, failures == settings.maxFailures());
    }

    /** A complete sign-in from this address: its count starts again. */
    void forget(UUID operator, String ip) {
        jdbc.sql("delete from access.login_source_failure where operator_id = ? and ip = ?")
                .params(operator, ip)
                .update();
    }

    /** How long an address waits after its {@code failures}-th consecutive failure on one account. */
    Duration waitAfter(int failures) {
        if (failures >= settings.maxFailures()) {
            return settings.lockDuration();
        }
        if (failures < settings.delayAfter()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - settings.delayAfter(), 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void forgetOldFailures() {
        Instant now = clock.instant();
        jdbc.sql("delete from access.login_source_failure where retry_after <= ? and last_failure_at <= ?")
                .params(ts(now), ts(now.minus(settings.lockDuration())))
                .update();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
