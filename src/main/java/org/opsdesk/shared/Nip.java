package org.opsdesk.shared;

/**
 * A Polish tax identification number (NIP): ten digits, the last a check digit (the weights 6-5-7-2-3-4-5-6-7,
 * modulo 11; a remainder of 10 is never issued). Kept as the ten digits, without the dashes people write.
 */
public record Nip(String value) {

    private static final int[] WEIGHTS = {6, 5, 7, 2, 3, 4, 5, 6, 7};

    public Nip {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a valid NIP");
        }
    }

    /**
     * Parses what a person typed: spaces and dashes dropped, and a leading {@code PL} (the EU VAT prefix).
     *
     * @throws InvalidInput naming {@code field}: not ten digits, or a wrong check digit
     */
    public static Nip parse(String field, String typed) {
        String digits = typed.replace(" ", "").replace("-", "");
        if (digits.regionMatches(true, 0, "PL", 0, 2)) {
            digits = digits.substring(2);
        }
        if (!digits.matches("\\d{10}")) {
            throw InvalidInput.of(field, "must be 10 digits");
        }
        if (!valid(digits)) {
            throw InvalidInput.of(field, "is not a valid NIP: the check digit does not match (a typo?)");
        }
        return new Nip(digits);
    }

    private static boolean valid(String digits) {
        if (!digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        int check = sum % 11;
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
