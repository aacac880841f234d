package org.opsdesk.portal.signin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountEvents;
import org.opsdesk.portal.account.AccountStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a portal client's email and password, with the console's limits ({@code opsdesk.sign-in.*}): after
 * {@code max-failures} wrong passwords the account is locked for {@code lock-duration} (a right password does not
 * open it meanwhile), and an address with {@code ip-max-failures} failures within {@code ip-window} is refused
 * before any password is checked. An unknown email costs the same hash as a known one, so timing does not tell
 * which addresses are registered.
 */
@Service
class PortalSignIn {

    /** What a sign-in attempt came to. */
    sealed interface Outcome {
        record SignedIn(Account account) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    static final String WRONG = "portal.signin.error.wrong";
    static final String LOCKED = "portal.signin.error.locked";

    private final AccountStore accounts;
    private final AccountEvents events;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private final int addressMaxFailures;
    private final Duration addressWindow;
    private final String unknownHash;

    PortalSignIn(
            AccountStore accounts,
            AccountEvents events,
            JdbcClient jdbc,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${opsdesk.sign-in.max-failures}") int maxFailures,
            @Value("${opsdesk.sign-in.lock-duration}") Duration lockDuration,
            @Value("${opsdesk.sign-in.ip-max-failures}") int addressMaxFailures,
            @Value("${opsdesk.sign-in.ip-window}") Duration addressWindow) {
        this.accounts = accounts;
        this.events = events;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.addressMaxFailures = addressMaxFailures;
        this.addressWindow = addressWindow;
        this.unknownHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Transactional
    public Outcome attempt(String email, String password, String address) {
        Instant now = clock.instant();
        if (addressFailures(address, now) >= addressMaxFailures) {
            return new Outcome.Refused(LOCKED);
        }
        var found = accounts.byEmail(email.strip()).flatMap(account -> accounts.lock(account.id()));
        if (found.isEmpty()) {
            passwords.matches(password, unknownHash);
            recordAddressFailure(address, now);
            return new Outcome.Refused(WRONG);
        }
        Account account = found.get();
        if (account.lockedAt(now)) {
            events.record(account.id(), AccountEvents.Kind.SIGN_IN_REFUSED);
            recordAddressFailure(address, now);
            return new Outcome.Refused(LOCKED);
        }
        if (!passwords.matches(password, account.passwordHash())) {
            int failures = account.failedSignIns() + 1;
            boolean lock = failures >= maxFailures;
            accounts.recordFailedSignIn(account.id(), lock ? 0 : failures, lock ? now.plus(lockDuration) : null, now);
            recordAddressFailure(address, now);
            events.record(account.id(), lock ? AccountEvents.Kind.LOCKED : AccountEvents.Kind.SIGN_IN_REFUSED);
            return new Outcome.Refused(lock ? LOCKED : WRONG);
        }
        accounts.recordSuccessfulSignIn(account.id(), now);
        events.record(account.id(), AccountEvents.Kind.SIGNED_IN);
        return new Outcome.SignedIn(account);
    }

    private int addressFailures(String address, Instant now) {
        return jdbc.sql("select count(*) from portal.sign_in_failure where address = ? and at > ?")
                .params(address, Timestamp.from(now.minus(addressWindow)))
                .query(Integer.class)
                .single();
    }

    private void recordAddressFailure(String address, Instant now) {
        jdbc.sql("delete from portal.sign_in_failure where address = ? and at <= ?")
                .params(address, Timestamp.from(now.minus(addressWindow)))
                .update();
        jdbc.sql("insert into portal.sign_in_failure (address, at) values (?, ?)")
                .params(address, Timestamp.from(now))
                .update();
    }
}
