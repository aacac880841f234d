package org.opsdesk.banking.formats;

import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Iban;

/**
 * Brings the account identifiers banks print into one comparable form: no spaces, upper case. MT940's :25: adds
 * its own habits — a {@code BLZ/account} pair (kept whole: it is how German banks name the account), space
 * padding, an IBAN with the account currency appended ({@code NL20INGB0001234567EUR}) — which {@link
 * #ofMt940Account} undoes. Leading zeros stay: they belong to many domestic account numbers.
 */
final class AccountIdentifiers {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");

    private AccountIdentifiers() {}

    /** No whitespace, upper case; {@code null} or blank becomes {@code null}. */
    static @Nullable String normalise(@Nullable String identifier) {
        if (identifier == null) {
            return null;
        }
        String compact = SPACES.matcher(identifier).replaceAll("").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }

    /** The account of an MT940 :25: field: normalised, with an IBAN's trailing ISO currency code removed. */
    static String ofMt940Account(String field25) {
        String compact = normalise(field25);
        if (compact == null) {
            return "";
        }
        if (compact.length() > 3 && !isIban(compact)) {
            String head = compact.substring(0, compact.length() - 3);
            if (isCurrency(compact.substring(compact.length() - 3)) && isIban(head)) {
                return head;
            }
        }
        return compact;
    }

    private static boolean isIban(String candidate) {
        try {
            new Iban(candidate);
            return true;
        } catch (RuntimeException notAnIban) {
            return false;
        }
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException notACurrency) {
            return false;
        }
    }
}
