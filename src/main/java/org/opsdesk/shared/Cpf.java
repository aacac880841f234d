package org.opsdesk.shared;

/**
 * A Brazilian individual taxpayer number (CPF): eleven digits, the last two check digits. Kept as the digits;
 * {@link #printed()} writes them as people do, {@code 529.982.247-25}. Eleven equal digits pass the arithmetic but
 * are never issued, so they are refused too.
 */
public record Cpf(String value) {

    public Cpf {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a valid CPF");
        }
    }

    /**
     * Parses what a person typed: dots, dashes and spaces dropped.
     *
     * @throws InvalidInput naming {@code field}: not eleven digits, or wrong check digits
     */
    public static Cpf parse(String field, String typed) {
        String digits = typed.replaceAll("[.\\-\\s]", "");
        if (!digits.matches("\\d{11}")) {
            throw InvalidInput.of(field, "must be 11 digits");
        }
        if (!valid(digits)) {
            throw InvalidInput.of(field, "is not a valid CPF: the check digits do not match (a typo?)");
        }
        return new Cpf(digits);
    }

    public String printed() {
        return value.substring(0, 3) + "." + value.substring(3, 6) + "." + value.substring(6, 9) + "-"
                + value.substring(9);
    }

    private static boolean valid(String digits) {
        return digits.matches("\\d{11}") && !digits.matches("(\\d)\\1{10}") && BrazilianDocuments.cpfChecks(digits);
    }
}
