package org.opsdesk.access.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.access.signin.SignInStore.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The password step of the console sign-in, with its defences: a per-address throttle, an account lock after
 * consecutive failures, and one answer for an unknown user, a disabled one, a locked one and a wrong password
 * (an unknown user costs the same password-hash check). Every attempt is written to the security log.
 */
@Service
class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);
    private static final int MAX_INPUT = 1024;

    /** What the password step decided. */
    enum Outcome {
        /** Unknown user, disabled, locked or wrong password: the caller must not learn which. */
        REFUSED,
        THROTTLED,
        NEEDS_CODE,
        NEEDS_ENROLMENT,
        SIGNED_IN
    }

    private final SignInStore store;
    private final LoginThrottle throttle;
    private final OperatorStore operators;
    private final OperatorActors actors;
    private final PasswordEncoder passwords;
    private final SecurityLog securityLog;
    private final SignInSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String dummyHash;

    SignIn(
            SignInStore store,
            LoginThrottle throttle,
            OperatorStore operators,
            OperatorActors actors,
            PasswordEncoder passwords,
            SecurityLog securityLog,
            SignInSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.throttle = throttle;
        this.operators = operators;
        this.actors = actors;
        this.passwords = passwords;
        this.securityLog = securityLog;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.dummyHash = passwords.encode(Base64.getEncoder().encodeToString(random));
    }

    Outcome password(String username, String password, String ip) {
        Instant now = clock.instant();
        if (throttle.refuses(ip, now)) {
            securityLog.recordAnonymous(
                    SecurityEvents.LOGIN_THROTTLED, SecurityLog.operator(username), Map.of("step", "password"));
            return Outcome.THROTTLED;
        }
        Optional<Credentials> found =
                username.isEmpty() || username.length() > MAX_INPUT ? Optional.empty() : store.credentials(username);
        boolean matches = matches(password, found.map(Credentials::passwordHash).orElse(dummyHash));
        if (found.isEmpty()) {
            return refuse(username, ip, now, "unknown_user");
        }
        Credentials credentials = found.get();
        if (!credentials.active()) {
            return refuse(username, ip, now, "operator_inactive");
        }
        if (credentials.lockedAt(now)) {
            return refuse(username, ip, now, "account_locked");
        }
        if (!matches) {
            return transactions.execute(status -> {
                throttle.recordFailure(ip, now);
                var failure =
                        store.recordFailure(credentials.id(), settings.maxFailures(), settings.lockDuration(), now);
                securityLog.recordAnonymous(
                        SecurityEvents.LOGIN_FAILED,
                        SecurityLog.operator(username),
                        Map.of("reason", "wrong_password", "consecutiveFailures", failure.consecutive()));
                if (failure.lockedNow()) {
                    lockLogged(username, "password", now);
                }
                return Outcome.REFUSED;
            });
        }
        upgradeHash(credentials, password);
        if (credentials.mfaEnabled()) {
            return Outcome.NEEDS_CODE; // the failure counter is kept until the second factor is passed too
        }
        var operator = operators.find(username).orElseThrow();
        if (actors.mfaRequired(operator)) {
            return Outcome.NEEDS_ENROLMENT;
        }
        succeeded(credentials.username(), "none");
        return Outcome.SIGNED_IN;
    }

    /** A complete sign-in: the failure counter is cleared, the time recorded, the event logged. */
    void succeeded(String username, String secondFactor) {
        var operator = operators.find(username).orElseThrow();
        transactions.executeWithoutResult(status -> {
            store.recordSuccess(operator.id(), clock.instant());
            securityLog.record(
                    SecurityEvents.LOGIN_SUCCEEDED,
                    actors.actorFor(operator),
                    SecurityLog.operator(username),
                    Map.of("mfa", secondFactor));
        });
    }

    /** A hash of an older scheme ({@code {bcrypt}}) is replaced by the current one while the password is at hand. */
    private void upgradeHash(Credentials credentials, String password) {
        if (passwords.upgradeEncoding(credentials.passwordHash())) {
            operators.rehash(credentials.id(), passwords.encode(password));
        }
    }

    void lockLogged(String username, String after, Instant now) {
        log.warn(
                "Locked operator account '{}' for {} after repeated failed {}s",
                username,
                settings.lockDuration(),
                after);
        securityLog.recordAnonymous(
                SecurityEvents.ACCOUNT_LOCKED,
                SecurityLog.operator(username),
                Map.of(
                        "after",
                        after,
                        "until",
                        now.plus(settings.lockDuration()).toString()));
    }

    private Outcome refuse(String username, String ip, Instant now, String reason) {
        transactions.executeWithoutResult(status -> {
            throttle.recordFailure(ip, now);
            securityLog.recordAnonymous(
                    SecurityEvents.LOGIN_FAILED, SecurityLog.operator(truncate(username)), Map.of("reason", reason));
        });
        return Outcome.REFUSED;
    }

    /** A password check that cannot throw: over-long input (BCrypt refuses more than 72 bytes) simply fails. */
    private boolean matches(String password, String hash) {
        if (password.isEmpty() || password.length() > MAX_INPUT) {
            passwords.matches("", dummyHash); // same cost as a real check
            return false;
        }
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException tooLong) {
            return false;
        }
    }

    private static String truncate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100);
    }
}
