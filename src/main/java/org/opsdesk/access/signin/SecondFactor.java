package org.opsdesk.access.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The code step of the console sign-in: a TOTP code (each time step accepted once) or a one-time recovery code.
 * Wrong codes count towards the account lock like wrong passwords, with their own, lower limit, and the lock they
 * set is hard: a soft lock (after wrong passwords) is passed here, a hard one is not.
 */
@Service
class SecondFactor {

    /** What the code step decided. */
    enum Outcome {
        ACCEPTED,
        WRONG_CODE,
        THROTTLED,
        /** Locked (now or before), disabled, or MFA reset meanwhile: this sign-in attempt is over. */
        ENDED
    }

    private final SignInStore store;
    private final LoginThrottle throttle;
    private final SecretCipher cipher;
    private final SignIn signIn;
    private final LockAlerts alerts;
    private final OperatorStore operators;
    private final OperatorActors actors;
    private final SecurityLog securityLog;
    private final SignInSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SecondFactor(
            SignInStore store,
            LoginThrottle throttle,
            SecretCipher cipher,
            SignIn signIn,
            LockAlerts alerts,
            OperatorStore operators,
            OperatorActors actors,
            SecurityLog securityLog,
            SignInSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.throttle = throttle;
        this.cipher = cipher;
        this.signIn = signIn;
        this.alerts = alerts;
        this.operators = operators;
        this.actors = actors;
        this.securityLog = securityLog;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    Outcome check(String username, String typed, String ip) {
        Instant now = clock.instant();
        if (throttle.refuses(ip, now)) {
            signIn.throttled(username, ip, "code");
            return Outcome.THROTTLED;
        }
        var credentials = store.credentials(username);
        if (credentials.isEmpty()
                || !credentials.get().active()
                || credentials.get().hardLockedAt(now)) { // a soft lock is what the code passes
            securityLog.recordAnonymous(
                    SecurityEvents.MFA_FAILED,
                    SecurityLog.operator(username),
                    Map.of("reason", "account_locked_or_inactive"));
            return Outcome.ENDED;
        }
        var id = credentials.get().id();
        var factor = store.secondFactor(id);
        if (factor.isEmpty()) {
            return Outcome.ENDED; // MFA was reset while this sign-in waited for the code
        }
        String code = typed.strip().replace(" ", "");
        if (Totp.looksLikeCode(code)) {
            byte[] secret = cipher.decrypt(factor.get().encryptedSecret(), id.toString());
            OptionalLong step = Totp.matchingStep(secret, code, now);
            if (step.isPresent() && store.acceptStep(id, step.getAsLong())) {
                signIn.succeeded(username, "totp", ip);
                return Outcome.ACCEPTED;
            }
            return failed(username, id, ip, now, step.isPresent() ? "code_already_used" : "wrong_code");
        }
        if (!code.isEmpty()
                && code.length() <= 64
                && transactions.execute(status -> {
                    if (!store.useRecoveryCode(id, RecoveryCodes.hash(code.toLowerCase(Locale.ROOT)))) {
                        return false;
                    }
                    var operator = operators.find(username).orElseThrow();
                    securityLog.record(
                            SecurityEvents.MFA_RECOVERY_CODE_USED,
                            actors.actorFor(operator),
                            SecurityLog.operator(username),
                            Map.of("remaining", store.remainingRecoveryCodes(id)));
                    return true;
                })) {
            signIn.succeeded(username, "recovery_code", ip);
            return Outcome.ACCEPTED;
        }
        return failed(username, id, ip, now, "wrong_code");
    }

    private Outcome failed(String username, java.util.UUID id, String ip, Instant now, String reason) {
        return transactions.execute(status -> {
            throttle.recordFailure(ip, now);
            var failure = store.recordFailure(id, settings.maxCodeFailures(), settings.lockDuration(), true, now);
            securityLog.recordAnonymous(
                    SecurityEvents.MFA_FAILED,
                    SecurityLog.operator(username),
                    Map.of("reason", reason, "consecutiveFailures", failure.consecutive()));
            if (failure.lockedNow()) {
                alerts.accountLocked(username, ip, "code", true, now);
                return Outcome.ENDED;
            }
            return Outcome.WRONG_CODE;
        });
    }
}
