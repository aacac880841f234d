package org.opsdesk.shared;

/**
 * A Polish statistical business number (REGON): nine digits (weights 8-9-2-3-4-5-6-7) or fourteen for a local
 * unit (weights 2-4-8-5-0-9-7-3-6-1-2-4-8, whose first nine are the parent's nine-digit REGON); the last digit is
 * the weighted sum modulo 11, with 10 written as 0.
 */
public record Regon(String value) {

    private static final int[] WEIGHTS_9 = {8, 9, 2, 3, 4, 5, 6, 7};
    private static final int[] WEIGHTS_14 = {2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8};

    public Regon {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a valid REGON");
        }
    }

    /**
     * Parses what a person typed (spaces and dashes dropped).
     *
     * @throws InvalidInput naming {@code field}: not 9 or 14 digits, or a wrong check digit
     */
    public static Regon parse(String field, String typed) {
        String digits = typed.replace(" ", "").replace("-", "");
        if (!digits.matches("\\d{9}|\\d{14}")) {
            throw InvalidInput.of(field, "must be 9 or 14 digits");
        }
        if (!valid(digits)) {
            throw InvalidInput.of(field, "is not a valid REGON: the check digit does not match (a typo?)");
        }
        return new Regon(digits);
    }

    private static boolean valid(String digits) {
        if (digits.matches("\\d{9}")) {
            return checks(digits, WEIGHTS_9);
        }
        return digits.matches("\\d{14}") && checks(digits.substring(0, 9), WEIGHTS_9) && checks(digits, WEIGHTS_14);
    }

    private static boolean checks(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return sum % 11 % 10 == digits.charAt(weights.length) - '0';
    }
}
