package org.opsdesk.shared;

import java.util.Locale;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * An International Bank Account Number checked by iban4j: the country's length and structure and the ISO 13616
 * mod-97 check digits. Kept in its electronic form (no spaces, upper case); {@link #printed()} groups it by four
 * for people.
 */
public record Iban(String value) {

    public Iban {
        IbanUtil.validate(value);
    }

    /**
     * Parses what a person or an integrator typed: spaces and dashes are dropped and letters upper-cased before the
     * check.
     *
     * @throws InvalidInput naming {@code field} with the reason
     */
    public static Iban parse(String field, String typed) {
        String compact = compact(typed);
        if (compact.isEmpty()) {
            throw InvalidInput.of(field, "is required");
        }
        try {
            return new Iban(compact);
        } catch (InvalidCheckDigitException e) {
            throw InvalidInput.of(field, "is not a valid IBAN: the check digits do not match (a typo?)");
        } catch (UnsupportedCountryException e) {
            throw InvalidInput.of(field, "is not a valid IBAN: unknown or unsupported country code");
        } catch (IbanFormatException e) {
            throw InvalidInput.of(field, "is not a valid IBAN: " + reason(e));
        } catch (Iban4jException e) {
            throw InvalidInput.of(field, "is not a valid IBAN");
        }
    }

    /** The two-letter ISO 3166 country of the account. */
    public String countryCode() {
        return value.substring(0, 2);
    }

    /** The bank's identifier within the country (the bank code of the BBAN), empty where the country has none. */
    public String bankCode() {
        String code = IbanUtil.getBankCode(value);
        return code == null ? "" : code;
    }

    /** Grouped by four characters, as printed on statements and shown to people. */
    public String printed() {
        return org.iban4j.Iban.valueOf(value).toFormattedString();
    }

    /**
     * Parses a BIC (ISO 9362: 8 or 11 letters and digits, a known country) as typed; returns its compact upper-case
     * form.
     *
     * @throws InvalidInput naming {@code field} with the reason
     */
    public static String parseBic(String field, String typed) {
        String compact = compact(typed);
        try {
            BicUtil.validate(compact);
            return compact;
        } catch (BicFormatException | UnsupportedCountryException e) {
            throw InvalidInput.of(
                    field, "is not a valid BIC: 8 or 11 letters and digits (bank, country, location, branch)");
        }
    }

    private static String compact(String typed) {
        return typed.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }

    private static String reason(IbanFormatException e) {
        if (e.getFormatViolation() == null) {
            return "wrong format";
        }
        return switch (e.getFormatViolation()) {
            case IBAN_VALID_CHARACTERS, BBAN_ONLY_DIGITS, BBAN_ONLY_UPPER_CASE_LETTERS, BBAN_ONLY_DIGITS_OR_LETTERS ->
                "only letters and digits";
            case BBAN_LENGTH -> "wrong length for its country";
            default -> "wrong format for its country";
        };
    }
}
