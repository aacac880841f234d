package org.opsdesk.access.signin;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.audit.SecurityEvents;
import org.opsdesk.access.audit.SecurityLog;
import org.opsdesk.access.operators.OperatorActors;
import org.opsdesk.access.operators.OperatorStore;
import org.opsdesk.access.operators.PasswordPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator choosing their own password: proven with the current one, checked by {@link PasswordPolicy}, written
 * to the security log; the operator's other sessions end (on every node: they live in the shared session table)
 * and a change an administrator asked for is done.
 */
@Service
class PasswordChange {

    /** What became of a change; {@code problem} is the policy's reason when it refused the new password. */
    record Result(Outcome outcome, @Nullable String problem) {}

    enum Outcome {
        CHANGED,
        WRONG_CURRENT_PASSWORD,
        CONFIRMATION_DIFFERS,
        SAME_AS_CURRENT,
        REFUSED_BY_POLICY
    }

    private final SignInStore store;
    private final OperatorStore operators;
    private final OperatorActors actors;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final OperatorSessions sessions;
    private final SecurityLog securityLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordChange(
            SignInStore store,
            OperatorStore operators,
            OperatorActors actors,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            OperatorSessions sessions,
            SecurityLog securityLog,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.operators = operators;
        this.actors = actors;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
        this.securityLog = securityLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether an administrator set this operator's password, so they must choose their own before anything else. */
    boolean required(String username) {
        return operators.passwordChangeRequired(username);
    }

    Result change(String username, String current, String chosen, String confirmation, String keptSession) {
        var credentials = store.credentials(username).orElseThrow();
        if (!matches(current, credentials.passwordHash())) {
            securityLog.recordAnonymous(
                    SecurityEvents.PASSWORD_CHANGE_REFUSED,
                    SecurityLog.operator(username),
                    Map.of("reason", "wrong_current_password"));
            return new Result(Outcome.WRONG_CURRENT_PASSWORD, null);
        }
        if (!chosen.equals(confirmation)) {
            return new Result(Outcome.CONFIRMATION_DIFFERS, null);
        }
        if (chosen.equals(current)) {
            return new Result(Outcome.SAME_AS_CURRENT, null);
        }
        Optional<String> problem = policy.problem(chosen, username);
        if (problem.isPresent()) {
            return new Result(Outcome.REFUSED_BY_POLICY, problem.get());
        }
        String hash = passwords.encode(chosen);
        var operator = operators.find(username).orElseThrow();
        transactions.executeWithoutResult(status -> {
            boolean wasRequired = operators.passwordChangeRequired(username);
            operators.setOwnPassword(operator.id(), hash, clock.instant());
            securityLog.record(
                    SecurityEvents.PASSWORD_CHANGED,
                    actors.actorFor(operator),
                    SecurityLog.operator(username),
                    Map.of("self", true, "wasRequired", wasRequired));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sessions.endStartedBefore(username, null, keptSession);
                }
            });
        });
        return new Result(Outcome.CHANGED, null);
    }

    /** A check that cannot throw: input no password could be (empty, over-long) simply does not match. */
    private boolean matches(String password, String hash) {
        if (password.isEmpty() || password.length() > PasswordPolicy.MAX_BYTES) {
            return false;
        }
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException unusable) {
            return false;
        }
    }
}
