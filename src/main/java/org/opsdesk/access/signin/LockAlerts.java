package org.opsdesk.access.signin;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.opsdesk.access.SignInLocked;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Says loudly that a sign-in lock was set: an entry of its own kind in the security log, a WARN, and the counter
 * {@code opsdesk.sign_in.locks} (tags {@code scope} = account or address, {@code hard} = true or false) that an
 * alerting rule on the metrics can watch; and publishes {@link SignInLocked}, so that people are told (the
 * {@code notifications} module emails the security alert mailbox). Runs in the transaction that counted the failure:
 * the event goes out only if the lock commits.
 */
@Component
class LockAlerts {

    private static final Logger log = LoggerFactory.getLogger(LockAlerts.class);
    static final String COUNTER = "opsdesk.sign_in.locks";

    private final SecurityLog securityLog;
    private final SignInSettings settings;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    LockAlerts(
            SecurityLog securityLog, SignInSettings settings, MeterRegistry meters, ApplicationEventPublisher events) {
        this.securityLog = securityLog;
        this.settings = settings;
        this.meters = meters;
        this.events = events;
    }

    /**
     * The whole account locked after failures from any address: softly after passwords (a correct password plus a
     * code still passes), hard after codes (someone knows the password).
     */
    void accountLocked(String username, String ip, String after, boolean hard, Instant now) {
        Instant until = now.plus(settings.lockDuration());
        log.warn(
                "Locked operator account '{}' ({}) until {} after repeated failed {}s",
                username,
                hard ? "hard: nothing passes" : "soft: password and code pass",
                until,
                after);
        securityLog.recordAnonymous(
                SecurityEvents.ACCOUNT_LOCKED,
                SecurityLog.operator(username),
                Map.of("after", after, "hard", hard, "until", until.toString()));
        meters.counter(COUNTER, "scope", "account", "hard", String.valueOf(hard))
                .increment();
        events.publishEvent(
                new SignInLocked(username, ip, hard ? SignInLocked.Lock.HARD : SignInLocked.Lock.SOFT, until, now));
    }

    /** The account locked for one source address only (the address is in the entry's ip column). */
    void addressLocked(String username, String ip, Instant now) {
        Instant until = now.plus(settings.lockDuration());
        log.warn(
                "Locked operator account '{}' for address {} until {} after repeated failed passwords",
                username,
                ip,
                until);
        securityLog.recordAnonymous(
                SecurityEvents.ACCOUNT_ADDRESS_LOCKED,
                SecurityLog.operator(username),
                Map.of("after", "password", "until", until.toString()));
        meters.counter(COUNTER, "scope", "address", "hard", "true").increment();
        events.publishEvent(new SignInLocked(username, ip, SignInLocked.Lock.ADDRESS, until, now));
    }
}
