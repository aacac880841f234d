package org.opsdesk.portal.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountEvents;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.shared.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A portal client's optional second factor: an authenticator app's code after the password. The secret is sealed
 * by the application's {@link SecretBox} (for this client only); each 30-second step's code is taken once; {@code
 * opsdesk.sign-in.max-code-failures} wrong codes in a row lock the account for {@code lock-duration}. Turning it on
 * or off needs the password and a current code.
 */
@Service
class PortalTotp {

    /** How a code at sign-in ended. */
    enum Check {
        ACCEPTED,
        WRONG,
        LOCKED
    }

    private final AccountStore accounts;
    private final AccountEvents events;
    private final SecretBox secrets;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final int maxCodeFailures;
    private final Duration lockDuration;

    PortalTotp(
            AccountStore accounts,
            AccountEvents events,
            SecretBox secrets,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${opsdesk.sign-in.max-code-failures}") int maxCodeFailures,
            @Value("${opsdesk.sign-in.lock-duration}") Duration lockDuration) {
        this.accounts = accounts;
        this.events = events;
        this.secrets = secrets;
        this.passwords = passwords;
        this.clock = clock;
        this.maxCodeFailures = maxCodeFailures;
        this.lockDuration = lockDuration;
    }

    /** Turns the second factor on with the secret shown to the client, if the password and its code are right. */
    @Transactional
    public boolean enable(UUID client, byte[] secret, String password, String code) {
        Account account = accounts.lock(client).orElseThrow();
        Instant now = clock.instant();
        var step = AuthenticatorCodes.matchingStep(secret, code.strip(), now);
        if (account.totpSecret() != null || !passwords.matches(password, account.passwordHash()) || step.isEmpty()) {
            return false;
        }
        accounts.setTotp(client, secrets.seal(secret, owner(client)), step.getAsLong(), now);
        events.record(client, AccountEvents.Kind.TOTP_ENABLED);
        return true;
    }

    /** Turns it off, if the password and a current code are right. */
    @Transactional
    public boolean disable(UUID client, String password, String code) {
        Account account = accounts.lock(client).orElseThrow();
        if (account.totpSecret() == null || !passwords.matches(password, account.passwordHash())) {
            return false;
        }
        if (check(account, code) != Check.ACCEPTED) {
            return false;
        }
        accounts.setTotp(client, null, null, clock.instant());
        events.record(client, AccountEvents.Kind.TOTP_DISABLED);
        return true;
    }

    /** The code typed after a right password; wrong ones count towards a lock. */
    @Transactional
    public Check signIn(UUID client, String code) {
        Account account = accounts.lock(client).orElseThrow();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            return Check.LOCKED;
        }
        Check check = check(account, code);
        if (check == Check.ACCEPTED) {
            accounts.recordSuccessfulSignIn(client, now);
            return check;
        }
        int failures = account.failedSignIns() + 1;
        boolean lock = failures >= maxCodeFailures;
        accounts.recordFailedSignIn(client, lock ? 0 : failures, lock ? now.plus(lockDuration) : null, now);
        events.record(client, lock ? AccountEvents.Kind.LOCKED : AccountEvents.Kind.CODE_REFUSED);
        return lock ? Check.LOCKED : Check.WRONG;
    }

    /** Whether the code is this step's (or a neighbour's) and no code of that step or later was taken yet. */
    private Check check(Account account, String code) {
        String sealed = account.totpSecret();
        if (sealed == null) {
            return Check.WRONG;
        }
        byte[] secret = secrets.open(sealed, owner(account.id()));
        var step = AuthenticatorCodes.matchingStep(secret, code.strip(), clock.instant());
        Long last = account.totpLastStep();
        if (step.isEmpty() || (last != null && step.getAsLong() <= last)) {
            return Check.WRONG;
        }
        accounts.setTotp(account.id(), sealed, step.getAsLong(), clock.instant());
        return Check.ACCEPTED;
    }

    private static String owner(UUID client) {
        return "portal-client:" + client;
    }
}
