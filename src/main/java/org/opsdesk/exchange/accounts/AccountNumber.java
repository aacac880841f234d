package org.opsdesk.exchange.accounts;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opsdesk.shared.InvalidInput;

/**
 * A domestic account number that is not an IBAN (a US, UK or Swiss account, a Polish NRB typed without the
 * country), in its electronic form: spaces and dashes dropped, letters upper-cased, then only letters and digits,
 * 5 to 34 of them (the longest IBAN's length: no account number is longer).
 */
record AccountNumber(String value) {

    private static final Pattern ELECTRONIC = Pattern.compile("[A-Z0-9]{5,34}");

    AccountNumber {
        if (!ELECTRONIC.matcher(value).matches()) {
            throw new IllegalArgumentException("not an account number in electronic form: " + value);
        }
    }

    /**
     * Reads a number as typed.
     *
     * @throws InvalidInput naming {@code field}: characters other than letters, digits, spaces and dashes, or a
     *     length outside 5 to 34
     */
    static AccountNumber parse(String field, String typed) {
        String compact = typed.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (compact.isEmpty()) {
            throw InvalidInput.of(field, FieldReason.REQUIRED.english());
        }
        if (!compact.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            throw InvalidInput.of(field, FieldReason.ACCOUNT_NUMBER_CHARACTERS.english());
        }
        if (compact.length() < 5 || compact.length() > 34) {
            throw InvalidInput.of(field, FieldReason.ACCOUNT_NUMBER_LENGTH.english());
        }
        return new AccountNumber(compact);
    }

    /** Grouped by four characters, as people read it. */
    String printed() {
        return Grouping.byFour(value);
    }
}
