package org.opsdesk.portal.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TreeMap;
import org.opsdesk.access.PasswordRules;
import org.opsdesk.portal.VerifiedPerson;
import org.opsdesk.portal.account.Account;
import org.opsdesk.portal.account.AccountEvents;
import org.opsdesk.portal.account.AccountStore;
import org.opsdesk.portal.verification.KycHandOff;
import org.opsdesk.shared.Currencies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Enrols a person whose contacts a trusted process of the application vouches for: the registration form's checks
 * on the data as if typed, the client stored as {@link Registrar} stores a registration, both contacts marked
 * verified (each recorded in the account's events, as the link and the code record them) and the client handed to
 * compliance — what registering and verifying through the pages does, in one transaction.
 */
@Service
public class VerifiedEnrolment {

    private final Registrar registrar;
    private final AccountStore accounts;
    private final AccountEvents events;
    private final KycHandOff kyc;
    private final Currencies currencies;
    private final PasswordRules passwords;
    private final Clock clock;

    VerifiedEnrolment(
            Registrar registrar,
            AccountStore accounts,
            AccountEvents events,
            KycHandOff kyc,
            Currencies currencies,
            PasswordRules passwords,
            Clock clock) {
        this.registrar = registrar;
        this.accounts = accounts;
        this.events = events;
        this.kyc = kyc;
        this.currencies = currencies;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * The enrolled client; empty when the email address is registered already.
     *
     * @throws IllegalArgumentException naming every field that fails the registration form's checks
     */
    @Transactional
    public Optional<Account> enrol(VerifiedPerson person) {
        var form = new RegistrationForm(fields(person));
        Instant now = clock.instant();
        Registration registration = form.check(currencies, passwords, LocalDate.ofInstant(now, ZoneOffset.UTC));
        if (registration == null) {
            throw new IllegalArgumentException("the person fails the registration checks in "
                    + new TreeMap<>(form.errors().asMap()).keySet());
        }
        if (accounts.emailTaken(registration.email())) {
            return Optional.empty();
        }
        Account account = registrar.register(registration, person.locale());
        accounts.markEmailVerified(account.id(), now);
        events.record(account.id(), AccountEvents.Kind.EMAIL_VERIFIED);
        accounts.markPhoneVerified(account.id(), now);
        events.record(account.id(), AccountEvents.Kind.PHONE_VERIFIED);
        kyc.openIfReady(account.id());
        return accounts.find(account.id());
    }

    /** The person as the registration form would have sent them. */
    private static LinkedMultiValueMap<String, String> fields(VerifiedPerson person) {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("kind", "person");
        fields.add("firstName", person.firstName());
        fields.add("lastName", person.lastName());
        fields.add("birthDate", person.birthDate().toString());
        fields.add("nationalId", person.pesel());
        fields.add("country", "PL");
        fields.add("street", person.street());
        fields.add("postalCode", person.postalCode());
        fields.add("city", person.city());
        fields.add("email", person.email());
        fields.add("phone", person.phone());
        fields.add("password", person.password());
        fields.add("passwordRepeat", person.password());
        fields.add("consentEmail", person.emailConsent() ? "on" : "");
        fields.add("consentSms", person.smsConsent() ? "on" : "");
        int row = 0;
        for (var payout : new TreeMap<>(person.payoutIbans()).entrySet()) {
            fields.add("payoutCurrency" + row, payout.getKey());
            fields.add("payoutIban" + row, payout.getValue());
            row++;
        }
        return fields;
    }
}
