package org.opsdesk.exchange.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException.FieldError;

/**
 * A new bank account as typed in the form or sent to the API, before any check. {@link #validate} checks every
 * field and reports all refusals at once, so that a form shows each beside its field.
 */
record BankAccountDraft(
        @Nullable String bankName,
        @Nullable String bic,
        @Nullable String iban,
        @Nullable String accountNumber,
        @Nullable String currency,
        @Nullable String purpose) {

    static final BankAccountDraft EMPTY = new BankAccountDraft("", "", "", "", "", "both");

    /** Letters of any script, combining marks, digits, spaces and the punctuation banks' names use. */
    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}");

    private static final Pattern BANK_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,&'()/-]+");

    /**
     * The account's values, normalised.
     *
     * @throws InvalidInput listing every field that is refused, with the reason
     */
    ValidAccount validate(Currencies currencies) {
        var errors = new ArrayList<FieldError>();
        String name = check(errors, () -> bankName(bankName));
        String checkedBic = blank(bic) ? null : check(errors, () -> Iban.parseBic("bic", bic));
        Iban parsedIban = null;
        AccountNumber parsedNumber = null;
        if (!blank(iban) && !blank(accountNumber)) {
            errors.add(new FieldError("iban", FieldReason.ONE_NUMBER.english()));
        } else if (!blank(iban)) {
            parsedIban = check(errors, () -> Iban.parse("iban", iban));
        } else if (!blank(accountNumber)) {
            parsedNumber = check(errors, () -> accountNumber(accountNumber));
            if (blank(bic)) {
                errors.add(new FieldError("bic", FieldReason.BIC_NEEDED.english()));
            }
        } else {
            errors.add(new FieldError("iban", FieldReason.NO_NUMBER.english()));
        }
        String code = check(errors, () -> currency(currencies, currency));
        Purpose checkedPurpose = check(errors, () -> Purpose.parse("purpose", purpose));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ValidAccount(name, checkedBic, parsedIban, parsedNumber, code, checkedPurpose);
    }

    /**
     * A bank's name: spaces folded, 1 to 100 characters, letters of any script, digits and common punctuation.
     *
     * @throws InvalidInput naming {@code bankName}
     */
    static String bankName(@Nullable String typed) {
        String name = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw InvalidInput.of("bankName", FieldReason.REQUIRED.english());
        }
        if (name.length() > 100) {
            throw InvalidInput.of("bankName", FieldReason.BANK_NAME_LENGTH.english());
        }
        if (!BANK_NAME.matcher(name).matches()) {
            throw InvalidInput.of("bankName", FieldReason.BANK_NAME_CHARACTERS.english());
        }
        return name;
    }

    /**
     * A domestic number; refused when it is an IBAN, or looks like one of a country that has IBANs (two letters,
     * two check digits) but fails its check — a mistyped IBAN must not slip in as a domestic number.
     */
    private static AccountNumber accountNumber(String typed) {
        var number = AccountNumber.parse("accountNumber", typed);
        if (!IBAN_SHAPE.matcher(number.value()).matches()) {
            return number;
        }
        try {
            Iban.parse("accountNumber", number.value());
        } catch (InvalidInput notAnIban) {
            if (FieldReason.of(notAnIban.errors().get(0)) == FieldReason.IBAN_COUNTRY) {
                return number; // no IBAN country: a domestic number that happens to start with letters
            }
            throw InvalidInput.of("accountNumber", FieldReason.ACCOUNT_NUMBER_LOOKS_LIKE_IBAN.english());
        }
        throw InvalidInput.of("accountNumber", FieldReason.ACCOUNT_NUMBER_IS_IBAN.english());
    }

    private static String currency(Currencies currencies, @Nullable String typed) {
        if (blank(typed)) {
            throw InvalidInput.of("currency", FieldReason.REQUIRED.english());
        }
        return currencies
                .find(typed.strip())
                .orElseThrow(() -> InvalidInput.of("currency", FieldReason.CURRENCY_UNKNOWN.english()))
                .code();
    }

    /** Runs one field's check; a refusal is added to {@code errors} and the field is left null. */
    private static <T> @Nullable T check(List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInput refused) {
            errors.addAll(refused.errors());
            return null;
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
