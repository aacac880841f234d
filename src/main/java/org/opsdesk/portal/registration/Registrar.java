package org.opsdesk.portal.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.opsdesk.portal.PayoutAccount;
import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountEvents;
import org.opsdesk.portal.account.AccountStore;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a checked registration in one transaction: the client (password hashed with the application's encoder,
 * the same as operators'), with a subject of its own ({@code portal-<uuid>}), and their payout accounts. An email
 * address already registered, in any case, stores nothing.
 */
@Service
class Registrar {

    /** The email address is registered already. */
    static final class EmailTaken extends RuntimeException {
        EmailTaken() {
            super("email address already registered", null, false, false);
        }
    }

    private final AccountStore accounts;
    private final AccountEvents events;
    private final PasswordEncoder passwords;
    private final JsonMapper json;
    private final Clock clock;

    Registrar(AccountStore accounts, AccountEvents events, PasswordEncoder passwords, JsonMapper json, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.passwords = passwords;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Account register(Registration registration, String locale) {
        if (accounts.emailTaken(registration.email())) {
            throw new EmailTaken();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        var account = new Account(
                id,
                "portal-" + id,
                registration.kind(),
                registration.displayName(),
                registration.email(),
                null,
                registration.phone(),
                null,
                passwords.encode(registration.password()),
                locale,
                json.writeValueAsString(registration.details()),
                registration.emailConsent(),
                registration.smsConsent(),
                null,
                0,
                null,
                null,
                null,
                now);
        if (!accounts.insert(account)) {
            throw new EmailTaken();
        }
        for (PayoutAccount payout : registration.payoutAccounts()) {
            accounts.addPayoutAccount(id, payout, now);
        }
        events.record(id, AccountEvents.Kind.REGISTERED);
        return accounts.find(id).orElseThrow();
    }
}
