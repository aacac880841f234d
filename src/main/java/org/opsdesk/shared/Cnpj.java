package org.opsdesk.shared;

import java.util.Locale;

/**
 * A Brazilian company registration number (CNPJ): twelve characters — digits, or since July 2026 also capital
 * letters — and two check digits. Kept as the fourteen characters in capitals; {@link #printed()} writes them as
 * people do, {@code 11.222.333/0001-81}. Fourteen equal digits pass the arithmetic but are never issued.
 */
public record Cnpj(String value) {

    public Cnpj {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a valid CNPJ");
        }
    }

    /**
     * Parses what a person typed: dots, slashes, dashes and spaces dropped, letters taken in capitals.
     *
     * @throws InvalidInput naming {@code field}: not twelve letters or digits and two digits, or wrong check digits
     */
    public static Cnpj parse(String field, String typed) {
        String characters = typed.replaceAll("[./\\-\\s]", "").toUpperCase(Locale.ROOT);
        if (!characters.matches("[0-9A-Z]{12}\\d{2}")) {
            throw InvalidInput.of(field, "must be 14 characters: 12 letters or digits and 2 check digits");
        }
        if (!valid(characters)) {
            throw InvalidInput.of(field, "is not a valid CNPJ: the check digits do not match (a typo?)");
        }
        return new Cnpj(characters);
    }

    public String printed() {
        return value.substring(0, 2) + "." + value.substring(2, 5) + "." + value.substring(5, 8) + "/"
                + value.substring(8, 12) + "-" + value.substring(12);
    }

    private static boolean valid(String characters) {
        return characters.matches("[0-9A-Z]{12}\\d{2}")
                && !characters.matches("(\\d)\\1{13}")
                && BrazilianDocuments.cnpjChecks(characters);
    }
}
