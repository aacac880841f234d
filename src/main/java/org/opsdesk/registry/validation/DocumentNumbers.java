package org.opsdesk.registry.validation;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opsdesk.shared.Cnpj;
import org.opsdesk.shared.Cpf;
import org.opsdesk.shared.InvalidInput;

/**
 * A person's or a company's document number by its type, kept normalised: a CPF as its eleven digits and a CNPJ as
 * its fourteen characters (both judged by their check digits), a passport or registration number in capitals
 * without spaces.
 */
public final class DocumentNumbers {

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
    private static final Pattern OTHER = Pattern.compile("[A-Z0-9][A-Z0-9./\\-]{2,39}");

    private DocumentNumbers() {}

    /** For a person: {@code cpf}, {@code passport} or {@code national-id}. */
    public static String person(String typeField, String type, String field, String typed) {
        return switch (type) {
            case "cpf" -> Cpf.parse(field, typed).value();
            case "passport" -> matching(field, typed, PASSPORT, "a passport number is 5 to 20 letters and digits");
            case "national-id" -> matching(field, typed, OTHER, "an identity number is 3 to 40 letters and digits");
            default -> throw InvalidInput.of(typeField, "must be one of cpf, passport, national-id");
        };
    }

    /** For a company: {@code cnpj} or {@code registration}. */
    public static String company(String typeField, String type, String field, String typed) {
        return switch (type) {
            case "cnpj" -> Cnpj.parse(field, typed).value();
            case "registration" ->
                matching(field, typed, OTHER, "a registration number is 3 to 40 letters, digits, '.', '/' or '-'");
            default -> throw InvalidInput.of(typeField, "must be one of cnpj, registration");
        };
    }

    private static String matching(String field, String typed, Pattern pattern, String rule) {
        String value = typed.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!pattern.matcher(value).matches()) {
            throw InvalidInput.of(field, rule);
        }
        return value;
    }
}
