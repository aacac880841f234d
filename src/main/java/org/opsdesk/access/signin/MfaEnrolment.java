package org.opsdesk.access.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.Operator;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.access.operators.PasswordPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turning on the second factor: a fresh secret shown once (QR code and text), confirmed with a code from the
 * authenticator, then stored encrypted with ten recovery codes whose hashes alone are kept.
 */
@Service
class MfaEnrolment {

    static final String ISSUER = "Opsdesk";

    private final SignInStore store;
    private final SecretCipher cipher;
    private final OperatorActors actors;
    private final SecurityLog securityLog;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final OperatorStore operators;
    private final Clock clock;

    MfaEnrolment(
            SignInStore store,
            SecretCipher cipher,
            OperatorActors actors,
            SecurityLog securityLog,
            TransactionTemplate transactions,
            PasswordEncoder passwords,
            OperatorStore operators,
            Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.operators = operators;
        this.cipher = cipher;
        this.actors = actors;
        this.securityLog = securityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new candidate secret, encrypted for keeping in the session until it is confirmed. */
    String newPendingSecret(Operator operator) {
        return cipher.encrypt(Totp.newSecret(), operator.id().toString());
    }

    byte[] reveal(String pendingSecret, Operator operator) {
        return cipher.decrypt(pendingSecret, operator.id().toString());
    }

    /**
     * Whether this is the operator's password: a signed-in session alone (perhaps left open, perhaps stolen) must
     * not be enough to bind a new authenticator to the account. A wrong one is written to the security log.
     */
    boolean passwordConfirms(Operator operator, String password) {
        boolean matches = !password.isEmpty()
                && password.length() <= PasswordPolicy.MAX_BYTES
                && store.credentials(operator.username())
                        .map(credentials -> matchesSafely(password, credentials.passwordHash()))
                        .orElse(false);
        if (!matches) {
            securityLog.recordAnonymous(
                    SecurityEvents.MFA_FAILED,
                    SecurityLog.operator(operator.username()),
                    Map.of("reason", "wrong_password", "step", "enrolment"));
        }
        return matches;
    }

    /**
     * Turns off the operator's own second factor (to move to a new device), proven with the password and a current
     * code from the authenticator, so that neither a session left open nor a known password alone can do it. Every
     * session ends; a role that requires MFA sends the operator to enrol again at the next sign-in.
     */
    boolean resetOwn(Operator operator, String password, String code) {
        if (!passwordConfirms(operator, password) || !currentCodeConfirms(operator, code)) {
            return false;
        }
        transactions.executeWithoutResult(status -> {
            operators.resetMfa(operator.id(), clock.instant());
            securityLog.record(
                    SecurityEvents.MFA_RESET,
                    actors.actorFor(operator),
                    SecurityLog.operator(operator.username()),
                    Map.of("self", true));
        });
        return true;
    }

    private boolean currentCodeConfirms(Operator operator, String typed) {
        var factor = store.secondFactor(operator.id());
        String code = typed.strip().replace(" ", "");
        OptionalLong step = factor.isEmpty()
                ? OptionalLong.empty()
                : Totp.matchingStep(
                        cipher.decrypt(
                                factor.get().encryptedSecret(), operator.id().toString()),
                        code,
                        clock.instant());
        if (step.isPresent() && store.acceptStep(operator.id(), step.getAsLong())) {
            return true;
        }
        securityLog.recordAnonymous(
                SecurityEvents.MFA_FAILED,
                SecurityLog.operator(operator.username()),
                Map.of("reason", step.isPresent() ? "code_already_used" : "wrong_code", "step", "reset"));
        return false;
    }

    private boolean matchesSafely(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException unusable) {
            return false;
        }
    }

    int remainingRecoveryCodes(Operator operator) {
        return store.remainingRecoveryCodes(operator.id());
    }

    /**
     * Confirms the candidate secret with a code from the app. Returns the recovery codes to show once, or empty
     * when the code is wrong (or the operator enrolled meanwhile elsewhere).
     */
    Optional<List<String>> confirm(Operator operator, String pendingSecret, String code) {
        Instant now = clock.instant();
        byte[] secret = reveal(pendingSecret, operator);
        OptionalLong step = Totp.matchingStep(secret, code.strip().replace(" ", ""), now);
        if (step.isEmpty()) {
            securityLog.recordAnonymous(
                    SecurityEvents.MFA_FAILED,
                    SecurityLog.operator(operator.username()),
                    Map.of("reason", "wrong_code", "step", "enrolment"));
            return Optional.empty();
        }
        List<String> codes = RecoveryCodes.generate();
        boolean enrolled = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!store.enrol(
                    operator.id(),
                    pendingSecret,
                    step.getAsLong(),
                    codes.stream().map(RecoveryCodes::hash).toList(),
                    now)) {
                return false;
            }
            securityLog.record(
                    SecurityEvents.MFA_ENROLLED,
                    actors.actorFor(operator),
                    SecurityLog.operator(operator.username()),
                    Map.of("recoveryCodes", codes.size()));
            return true;
        }));
        return enrolled ? Optional.of(codes) : Optional.empty();
    }
}
