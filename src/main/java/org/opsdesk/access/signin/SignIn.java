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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The password step of the console sign-in, with its defences: a per-address throttle; per account and address,
 * growing delays and then a lock for that address alone ({@link SourceLocks}); an account-wide soft lock after
 * consecutive failures from anywhere, which a correct password plus a code still passes (so an attacker cannot
 * lock the owner out); and one answer for an unknown user, a disabled one, a locked one and a wrong password (an
 * unknown user costs the same password-hash check). Every attempt is written to the security log, whose inputs
 * {@link SecurityLog} bounds; a throttled address only once per window.
 */
@Service
class SignIn {

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
    private final SourceLocks sources;
    private final LockAlerts alerts;
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
            SourceLocks sources,
            LockAlerts alerts,
            OperatorStore operators,
            OperatorActors actors,
            PasswordEncoder passwords,
            SecurityLog securityLog,
            SignInSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.throttle = throttle;
        this.sources = sources;
        this.alerts = alerts;
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
            throttled(username, ip, "password");
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
        if (credentials.hardLockedAt(now)) {
            return refuse(username, ip, now, "account_locked");
        }
        if (sources.waiting(credentials.id(), ip, now)) {
            return failed(credentials, ip, now, "retry_too_soon"); // the password is not even checked
        }
        if (!matches) {
            return failed(credentials, ip, now, "wrong_password");
        }
        upgradeHash(credentials, password);
        if (credentials.mfaEnabled()) {
            return Outcome.NEEDS_CODE; // a soft lock, and the failure counter, are passed only with the code too
        }
        if (credentials.lockedAt(now)) {
            return refuse(username, ip, now, "account_locked");
        }
        var operator = operators.find(username).orElseThrow();
        if (actors.mfaRequired(operator)) {
            return Outcome.NEEDS_ENROLMENT;
        }
        succeeded(credentials.username(), "none", ip);
        return Outcome.SIGNED_IN;
    }

    /** A complete sign-in: the failure counters are cleared, the time recorded, the event logged. */
    void succeeded(String username, String secondFactor, String ip) {
        var operator = operators.find(username).orElseThrow();
        transactions.executeWithoutResult(status -> {
            store.recordSuccess(operator.id(), clock.instant());
            sources.forget(operator.id(), ip);
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

    /**
     * A refusal of a throttled address, logged once per address and window whichever node answers: the security
     * log is insert-only, and an address past its limit must not be able to grow it request by request.
     */
    void throttled(String username, String ip, String step) {
        transactions.executeWithoutResult(status -> {
            if (throttle.firstRefusalInWindow(ip)) {
                securityLog.recordAnonymous(
                        SecurityEvents.LOGIN_THROTTLED,
                        SecurityLog.operator(username),
                        Map.of("step", step, "further_refusals", "not logged until the window ends"));
            }
        });
    }

    /** A failed attempt on a known account: counted for the address, the account and the account from there. */
    private Outcome failed(Credentials credentials, String ip, Instant now, String reason) {
        String username = credentials.username();
        return transactions.execute(status -> {
            throttle.recordFailure(ip, now);
            var fromAddress = sources.recordFailure(credentials.id(), ip, now);
            var failure =
                    store.recordFailure(credentials.id(), settings.maxFailures(), settings.lockDuration(), false, now);
            securityLog.recordAnonymous(
                    SecurityEvents.LOGIN_FAILED,
                    SecurityLog.operator(username),
                    Map.of(
                            "reason",
                            reason,
                            "consecutiveFailures",
                            failure.consecutive(),
                            "failuresFromAddress",
                            fromAddress.failures()));
            if (fromAddress.lockedNow()) {
                alerts.addressLocked(username, ip, now);
            }
            if (failure.lockedNow()) {
                alerts.accountLocked(username, ip, "password", false, now);
            }
            return Outcome.REFUSED;
        });
    }

    private Outcome refuse(String username, String ip, Instant now, String reason) {
        transactions.executeWithoutResult(status -> {
            throttle.recordFailure(ip, now);
            securityLog.recordAnonymous(
                    SecurityEvents.LOGIN_FAILED, SecurityLog.operator(username), Map.of("reason", reason));
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
}
