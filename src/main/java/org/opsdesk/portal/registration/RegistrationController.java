package org.opsdesk.portal.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.opsdesk.access.PasswordRules;
import org.opsdesk.portal.signin.PortalSessions;
import org.opsdesk.portal.verification.EmailVerification;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Registration as a person or a company. A form with errors comes back (422) with each error beside its field and
 * everything typed kept except the passwords; nothing is stored until every field passed. A stored registration
 * signs the client in and emails the verification link.
 */
@Controller
@RequiresPermission(RequiresPermission.ANYONE)
class RegistrationController {

    /** A country or currency as the form's lists show it. */
    record Choice(String code, String name) {}

    /** Every field the form shows again after an error; never the passwords. */
    private static final List<String> FIELDS = List.of(
            "firstName",
            "lastName",
            "birthDate",
            "nationalId",
            "companyName",
            "representative",
            "registrationNumber",
            "taxNumber",
            "country",
            "street",
            "postalCode",
            "city",
            "email",
            "phone",
            "consentEmail",
            "consentSms",
            "payoutCurrency0",
            "payoutIban0",
            "payoutCurrency1",
            "payoutIban1",
            "payoutCurrency2",
            "payoutIban2");

    private static final List<String> MAIN_CURRENCIES = List.of("PLN", "EUR", "USD", "GBP", "CHF");

    private final Registrar registrar;
    private final EmailVerification email;
    private final Currencies currencies;
    private final PasswordRules passwords;
    private final Clock clock;

    RegistrationController(
            Registrar registrar, EmailVerification email, Currencies currencies, PasswordRules passwords, Clock clock) {
        this.registrar = registrar;
        this.email = email;
        this.currencies = currencies;
        this.passwords = passwords;
        this.clock = clock;
    }

    @GetMapping("/portal/register")
    String form(@RequestParam(defaultValue = "person") String kind, HttpServletRequest request, Model model) {
        var preset = new LinkedMultiValueMap<String, String>();
        preset.add("kind", "company".equals(kind) ? "company" : "person");
        preset.add("country", "PL");
        preset.add("payoutCurrency0", "PLN");
        return show(new RegistrationForm(preset), new FieldErrors(), request, model);
    }

    @PostMapping("/portal/register")
    String register(
            @RequestParam MultiValueMap<String, String> sent,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        var form = new RegistrationForm(sent);
        var registration = form.check(currencies, passwords, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (registration == null) {
            response.setStatus(422);
            return show(form, form.errors(), request, model);
        }
        String locale = RequestContextUtils.getLocale(request).toLanguageTag();
        try {
            var account = registrar.register(registration, locale);
            PortalSessions.signIn(request, account.id(), false);
            boolean emailed = email.send(
                    account,
                    ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
            return emailed ? "redirect:/portal/home" : "redirect:/portal/home?notice=emailNotSent";
        } catch (Registrar.EmailTaken taken) {
            form.errors().add("email", "portal.error.emailTaken");
            response.setStatus(422);
            return show(form, form.errors(), request, model);
        }
    }

    private String show(RegistrationForm form, FieldErrors errors, HttpServletRequest request, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        model.addAttribute("kind", form.kind());
        var values = new java.util.HashMap<String, String>();
        FIELDS.forEach(field -> values.put(field, form.value(field)));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("countries", countries(locale));
        model.addAttribute("currencies", currencyChoices(locale));
        model.addAttribute(
                "payoutRows",
                IntStream.range(0, RegistrationForm.PAYOUT_ROWS).boxed().toList());
        model.addAttribute("passwordMinimum", passwords.minimumLength());
        return "portal/register";
    }

    private static List<Choice> countries(Locale locale) {
        var collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Choice(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Choice::name, collator))
                .toList();
    }

    /** The main currencies first, then every other ISO 4217 currency the desk knows, by code. */
    private List<Choice> currencyChoices(Locale locale) {
        var others = Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode)
                .filter(code ->
                        !MAIN_CURRENCIES.contains(code) && currencies.find(code).isPresent())
                .sorted();
        return Stream.concat(MAIN_CURRENCIES.stream(), others)
                .map(code -> new Choice(
                        code, code + " · " + Currency.getInstance(code).getDisplayName(locale)))
                .toList();
    }
}
