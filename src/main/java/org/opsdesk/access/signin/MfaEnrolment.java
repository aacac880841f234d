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
    private final Clock clock;

    MfaEnrolment(
            SignInStore store,
            SecretCipher cipher,
            OperatorActors actors,
            SecurityLog securityLog,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
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
