package org.opsdesk.exchange.orders;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opsdesk.shared.InvalidInput;

/**
 * An ISO 11649 structured creditor reference ({@code RF} + two check digits + up to 21 letters and digits): the
 * payment reference a client puts on their transfer, so that the statement line names the order and a typo is
 * caught by the bank or by matching (the check digits are ISO 7064 MOD 97-10, as in an IBAN). Kept in electronic
 * form; {@link #printed()} groups it by four as banks print it.
 */
public record PaymentReference(String value) {

    private static final Pattern FORM = Pattern.compile("RF\\d{2}[A-Z0-9]{1,21}");
    /** Letters and digits a person reads back without doubt (no I, O, Q next to 1 and 0). */
    private static final char[] BODY_ALPHABET = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ".toCharArray();

    private static final int GENERATED_BODY_LENGTH = 12;

    public PaymentReference {
        if (!FORM.matcher(value).matches() || !checks(value)) {
            throw new IllegalArgumentException("not an ISO 11649 creditor reference: " + value);
        }
    }

    /** The reference for {@code body} (1 to 21 letters and digits), with its check digits computed. */
    public static PaymentReference of(String body) {
        String upper = body.toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z0-9]{1,21}")) {
            throw new IllegalArgumentException("a creditor reference body is 1 to 21 letters and digits: " + body);
        }
        int remainder = mod97(numeric(upper + "RF00"));
        return new PaymentReference(String.format(Locale.ROOT, "RF%02d%s", 98 - remainder, upper));
    }

    /** A new random reference of 12 unambiguous characters (about 60 bits): unique in practice, checked on insert. */
    public static PaymentReference random(SecureRandom random) {
        var body = new StringBuilder(GENERATED_BODY_LENGTH);
        for (int i = 0; i < GENERATED_BODY_LENGTH; i++) {
            body.append(BODY_ALPHABET[random.nextInt(BODY_ALPHABET.length)]);
        }
        return of(body.toString());
    }

    /**
     * Parses a reference as typed or printed (spaces dropped, upper-cased).
     *
     * @throws InvalidInput naming {@code field} when it is not a reference or its check digits do not match
     */
    public static PaymentReference parse(String field, String typed) {
        String compact = typed.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        if (!FORM.matcher(compact).matches()) {
            throw InvalidInput.of(
                    field, "is not a creditor reference: RF, two check digits, up to 21 letters and digits");
        }
        if (!checks(compact)) {
            throw InvalidInput.of(field, "is not a valid creditor reference: the check digits do not match (a typo?)");
        }
        return new PaymentReference(compact);
    }

    /** Grouped by four, as printed on invoices: {@code RF18 5390 0754 7034}. */
    public String printed() {
        var printed = new StringBuilder();
        for (int i = 0; i < value.length(); i += 4) {
            if (i > 0) {
                printed.append(' ');
            }
            printed.append(value, i, Math.min(i + 4, value.length()));
        }
        return printed.toString();
    }

    private static boolean checks(String reference) {
        return mod97(numeric(reference.substring(4) + reference.substring(0, 4))) == 1;
    }

    /** Letters become two digits (A = 10 … Z = 35), digits stay. */
    private static String numeric(String text) {
        var digits = new StringBuilder(text.length() * 2);
        for (char c : text.toCharArray()) {
            digits.append(Character.getNumericValue(c));
        }
        return digits.toString();
    }

    private static int mod97(String digits) {
        return new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
    }
}
