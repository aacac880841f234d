package org.opsdesk.portal.registration;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.PasswordRules;
import org.opsdesk.portal.PayoutAccount;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Nip;
import org.opsdesk.shared.Pesel;
import org.opsdesk.shared.Regon;
import org.springframework.util.MultiValueMap;

/**
 * The registration form as sent: every field read as text (nothing a browser sends can fail binding), then checked
 * field by field. A person gives their name, date of birth, address and — living in Poland — their PESEL, whose
 * check digit and date must agree with the date of birth, or else an identity document's number; a company its
 * name, registration and tax numbers (REGON and NIP, check digits verified, for a Polish company), address and
 * representative. Both give an email address, a phone, a password as strong as an operator's, and at least one
 * payout account (a known currency and a valid IBAN).
 */
final class RegistrationForm {

    static final int PAYOUT_ROWS = 3;
    static final int MAX_NAME = 100;
    static final int MAX_COMPANY = 200;
    static final int MAX_ADDRESS = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final MultiValueMap<String, String> sent;
    private final FieldErrors errors = new FieldErrors();

    RegistrationForm(MultiValueMap<String, String> sent) {
        this.sent = sent;
    }

    String kind() {
        return "company".equals(value("kind")) ? "company" : "person";
    }

    /** The value of a field as sent (first one, at most 1,000 characters kept for showing it again). */
    String value(String field) {
        String value = sent.getFirst(field);
        if (value == null) {
            return "";
        }
        return value.length() > 1000 ? value.substring(0, 1000) : value;
    }

    FieldErrors errors() {
        return errors;
    }

    /** The registration, when every field passed; otherwise null, with {@link #errors()} saying why. */
    @Nullable
    Registration check(Currencies currencies, PasswordRules passwords, LocalDate today) {
        if (!Set.of("person", "company").contains(value("kind"))) {
            errors.add("kind", "portal.error.kind");
        }
        var details = new LinkedHashMap<String, String>();
        details.put("kind", kind());
        String displayName = kind().equals("company") ? company(details) : person(details, today);
        String country = address(details);
        details.put("country", country);
        if (kind().equals("person")) {
            nationalId(details, country);
        } else {
            companyNumbers(details, country);
        }
        String email = TextChecks.email(errors, "email", value("email"));
        String phone = TextChecks.phone(errors, "phone", value("phone"));
        String password = value("password");
        passwords
                .refusal(password, email)
                .ifPresent(refusal -> errors.add(
                        "password",
                        "portal.error.password." + refusal.name().toLowerCase(Locale.ROOT),
                        passwords.minimumLength()));
        if (!errors.has("password") && !password.equals(value("passwordRepeat"))) {
            errors.add("passwordRepeat", "portal.error.passwordRepeat");
        }
        var payout = payoutAccounts(currencies);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Registration(
                kind(),
                displayName,
                email,
                phone,
                password,
                java.util.Collections.unmodifiableMap(details),
                "on".equals(value("consentEmail")),
                "on".equals(value("consentSms")),
                payout);
    }

    private String person(Map<String, String> details, LocalDate today) {
        String first = TextChecks.name(errors, "firstName", value("firstName"), MAX_NAME);
        String last = TextChecks.name(errors, "lastName", value("lastName"), MAX_NAME);
        details.put("firstName", first);
        details.put("lastName", last);
        LocalDate born = birthDate(today);
        if (born != null) {
            details.put("birthDate", born.toString());
        }
        return first + " " + last;
    }

    private @Nullable LocalDate birthDate(LocalDate today) {
        String typed = value("birthDate").strip();
        if (typed.isEmpty()) {
            errors.add("birthDate", "portal.error.required");
            return null;
        }
        try {
            LocalDate born = LocalDate.parse(typed);
            if (born.isBefore(LocalDate.of(1900, 1, 1)) || born.isAfter(today)) {
                errors.add("birthDate", "portal.error.date");
                return null;
            }
            if (born.plusYears(18).isAfter(today)) {
                errors.add("birthDate", "portal.error.tooYoung");
                return null;
            }
            return born;
        } catch (DateTimeException e) {
            errors.add("birthDate", "portal.error.date");
            return null;
        }
    }

    private String company(Map<String, String> details) {
        String name = TextChecks.name(errors, "companyName", value("companyName"), MAX_COMPANY);
        String representative = TextChecks.name(errors, "representative", value("representative"), MAX_COMPANY);
        details.put("companyName", name);
        details.put("representative", representative);
        return name;
    }

    /** The address fields; returns the country code. */
    private String address(Map<String, String> details) {
        String country = value("country").strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            errors.add("country", "portal.error.required");
        } else if (!COUNTRIES.contains(country)) {
            errors.add("country", "portal.error.country");
        }
        details.put("street", TextChecks.text(errors, "street", value("street"), MAX_ADDRESS));
        details.put("postalCode", TextChecks.text(errors, "postalCode", value("postalCode"), 20));
        details.put("city", TextChecks.text(errors, "city", value("city"), MAX_NAME));
        return country;
    }

    private void nationalId(Map<String, String> details, String country) {
        String typed = TextChecks.text(errors, "nationalId", value("nationalId"), 40);
        if (errors.has("nationalId")) {
            return;
        }
        if (!country.equals("PL")) {
            if (!typed.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} \\-/]{2,39}")) {
                errors.add("nationalId", "portal.error.document");
                return;
            }
            details.put("documentNumber", typed);
            return;
        }
        try {
            Pesel pesel = Pesel.parse("nationalId", typed);
            String born = details.get("birthDate");
            if (born != null && !pesel.birthDate().toString().equals(born)) {
                errors.add("nationalId", "portal.error.peselDate");
                return;
            }
            details.put("pesel", pesel.value());
        } catch (InvalidInput e) {
            errors.add("nationalId", "portal.error.pesel");
        }
    }

    private void companyNumbers(Map<String, String> details, String country) {
        String registration = TextChecks.text(errors, "registrationNumber", value("registrationNumber"), 40);
        String tax = TextChecks.text(errors, "taxNumber", value("taxNumber"), 40);
        if (!country.equals("PL")) {
            if (!errors.has("registrationNumber")) {
                details.put("registrationNumber", registration);
            }
            if (!errors.has("taxNumber")) {
                details.put("taxNumber", tax);
            }
            return;
        }
        if (!errors.has("registrationNumber")) {
            try {
                details.put(
                        "regon", Regon.parse("registrationNumber", registration).value());
            } catch (InvalidInput e) {
                errors.add("registrationNumber", "portal.error.regon");
            }
        }
        if (!errors.has("taxNumber")) {
            try {
                details.put("nip", Nip.parse("taxNumber", tax).value());
            } catch (InvalidInput e) {
                errors.add("taxNumber", "portal.error.nip");
            }
        }
    }

    private List<PayoutAccount> payoutAccounts(Currencies currencies) {
        var accounts = new ArrayList<PayoutAccount>();
        for (int row = 0; row < PAYOUT_ROWS; row++) {
            String currencyField = "payoutCurrency" + row;
            String ibanField = "payoutIban" + row;
            String code = value(currencyField).strip().toUpperCase(Locale.ROOT);
            String iban = value(ibanField).strip();
            if (iban.isEmpty() && (code.isEmpty() || row > 0)) {
                continue; // an unused row (the first row's currency comes preselected)
            }
            var currency = currencies.find(code);
            if (currency.isEmpty()) {
                errors.add(currencyField, "portal.error.currency");
            }
            try {
                Iban parsed = Iban.parse(ibanField, iban);
                currency.ifPresent(c -> accounts.add(new PayoutAccount(c, parsed)));
            } catch (InvalidInput e) {
                errors.add(ibanField, iban.isEmpty() ? "portal.error.required" : "portal.error.iban");
            }
        }
        if (accounts.isEmpty() && !errors.has("payoutIban0") && !errors.has("payoutCurrency0")) {
            errors.add("payoutIban0", "portal.error.payoutRequired");
        }
        return accounts;
    }
}
