package org.opsdesk.portal;

import java.time.LocalDate;
import java.util.Map;

/**
 * A person living in Poland whom a trusted process of the application itself enrols on the portal with their email
 * address and phone already verified ({@link PortalClients#enrolVerified}) — the demo's first start, never what a
 * request sends. The data passes the registration form's own checks (PESEL against the date of birth, IBANs,
 * password rules) or nothing is stored.
 *
 * @param pesel the 11-digit PESEL, its check digit and date agreeing with {@code birthDate}
 * @param phone in international form ({@code +48 600 100 200})
 * @param password the sign-in password, stored only as its hash
 * @param locale the language they use the portal and are written to in (en, pt-BR, nl, pl)
 * @param payoutIbans where they receive each currency: currency code to IBAN (at most three)
 * @param emailConsent whether they agreed to be told of their orders by email
 * @param smsConsent whether they agreed to be told by SMS (and that texts may be charged)
 */
public record VerifiedPerson(
        String firstName,
        String lastName,
        LocalDate birthDate,
        String pesel,
        String street,
        String postalCode,
        String city,
        String email,
        String phone,
        String password,
        String locale,
        Map<String, String> payoutIbans,
        boolean emailConsent,
        boolean smsConsent) {

    public VerifiedPerson {
        payoutIbans = Map.copyOf(payoutIbans);
    }

    @Override
    public String toString() { // never the password, in a log or an exception
        return "VerifiedPerson[" + firstName + " " + lastName + ", " + email + "]";
    }
}
