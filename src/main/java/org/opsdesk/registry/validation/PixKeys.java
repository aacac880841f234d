package org.opsdesk.registry.validation;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opsdesk.shared.Cnpj;
import org.opsdesk.shared.Cpf;
import org.opsdesk.shared.InvalidInput;

/**
 * Pix keys by their type, as the Central Bank's directory (DICT) writes them: a CPF's eleven digits, a CNPJ's
 * fourteen characters, an email in lower case, a Brazilian mobile in E.164 ({@code +5511987654321}), or a random
 * key — a version 4 UUID in lower case.
 */
public final class PixKeys {

    public static final String TYPES = "cpf, cnpj, email, phone, random";

    private static final Pattern RANDOM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private PixKeys() {}

    /** The key normalised, or 422 on {@code field} (on {@code typeField} for an unknown type). */
    public static String parse(String typeField, String type, String field, String typed) {
        if (typed.isBlank()) {
            throw InvalidInput.of(field, "is required");
        }
        return switch (type) {
            case "cpf" -> Cpf.parse(field, typed).value();
            case "cnpj" -> Cnpj.parse(field, typed).value();
            case "email" -> {
                String email = Emails.parse(field, typed);
                if (email.length() > 77) { // the DICT's limit for email keys
                    throw InvalidInput.of(field, "an email Pix key must be at most 77 characters");
                }
                yield email;
            }
            case "phone" -> Phones.brazilianMobile(field, typed);
            case "random" -> random(field, typed);
            default -> throw InvalidInput.of(typeField, "must be one of " + TYPES);
        };
    }

    private static String random(String field, String typed) {
        String key = typed.strip().toLowerCase(Locale.ROOT);
        if (!RANDOM.matcher(key).matches()) {
            throw InvalidInput.of(field, "a random Pix key is a version 4 UUID (8-4-4-4-12 hexadecimal digits)");
        }
        return key;
    }
}
