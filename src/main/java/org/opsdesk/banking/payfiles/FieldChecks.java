package org.opsdesk.banking.payfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.payfiles.PayoutFileError.Reason;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.InvalidInput;

/**
 * The checks of single fields, each returning the value as it will be written (or null) and noting a typed problem
 * for the field otherwise, so that one pass over a batch reports every problem at once.
 */
final class FieldChecks {

    // Identifiers travel back on statements and must match exactly: never transliterated, no spaces, and (EPC)
    // no leading or trailing slash and no "//".
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9\\-?:().,'+/]+");
    // The stricter of the two versions' BIC patterns (pain.001.001.03's BICIdentifier), so one check serves both.
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final List<PayoutFileError> problems = new ArrayList<>();

    List<PayoutFileError> problems() {
        return List.copyOf(problems);
    }

    void problem(String field, Reason reason, String message) {
        problems.add(new PayoutFileError(field, reason, message));
    }

    /** Free text (names, remittance, address parts): transliterated into the SEPA set, at most {@code max} long. */
    @Nullable
    String text(String field, @Nullable String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problem(field, Reason.REQUIRED, "is required");
            }
            return null;
        }
        var latin = SepaText.of(value);
        if (latin.isEmpty()) {
            problem(
                    field,
                    Reason.CHARACTER,
                    "contains " + SepaText.firstRefused(value)
                            + ", which the SEPA character set has no stand-in for (letters, digits, space and / - ? : ( ) . , ' +)");
            return null;
        }
        return length(field, latin.get(), max);
    }

    /** An identifier (message id, end-to-end id): 1 to 35 characters of the SEPA set, taken as it is. */
    @Nullable
    String identifier(String field, String value) {
        if (value.isEmpty()) {
            problem(field, Reason.REQUIRED, "is required");
            return null;
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            problem(field, Reason.CHARACTER, "may hold only letters, digits and / - ? : ( ) . , ' + (no spaces)");
            return null;
        }
        if (value.startsWith("/") || value.endsWith("/") || value.contains("//")) {
            problem(field, Reason.CHARACTER, "must not start or end with '/' nor contain '//'");
            return null;
        }
        return length(field, value, 35);
    }

    /** An IBAN checked by iban4j (country structure and mod-97), compacted. */
    @Nullable
    String iban(String field, String value) {
        try {
            return Iban.parse(field, value).value();
        } catch (InvalidInput e) {
            problem(
                    field,
                    value.isBlank() ? Reason.REQUIRED : Reason.INVALID_IBAN,
                    e.errors().get(0).message());
            return null;
        }
    }

    /** An optional BIC: ISO 9362 (iban4j) and the pain.001.001.03 pattern, compacted. */
    @Nullable
    String bic(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String bic = Iban.parseBic(field, value);
            if (BIC.matcher(bic).matches()) {
                return bic;
            }
        } catch (InvalidInput e) {
            // reported below with the same reason
        }
        problem(
                field,
                Reason.INVALID_BIC,
                "is not a valid BIC: 8 or 11 letters and digits (bank, country, location, branch)");
        return null;
    }

    /** A structured address: an ISO 3166 country and the optional parts as text of their schema lengths. */
    @Nullable
    PostalAddress address(String prefix, PostalAddress address) {
        int before = problems.size();
        String country = code(prefix + "country", address.country(), COUNTRY, "an ISO 3166 code of two capitals", true);
        var checked = new PostalAddress(
                Objects.requireNonNullElse(country, ""),
                text(prefix + "townName", address.townName(), 35, false),
                text(prefix + "postCode", address.postCode(), 16, false),
                text(prefix + "streetName", address.streetName(), 70, false),
                text(prefix + "buildingNumber", address.buildingNumber(), 16, false));
        return problems.size() == before ? checked : null;
    }

    /** A code of a fixed form (country, currency, purpose, clearing system), described for the message. */
    @Nullable
    String code(String field, @Nullable String value, Pattern form, String expected, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problem(field, Reason.REQUIRED, "is required");
            }
            return null;
        }
        if (!form.matcher(value).matches()) {
            problem(field, Reason.INVALID_CODE, "must be " + expected);
            return null;
        }
        return value;
    }

    private @Nullable String length(String field, String value, int max) {
        if (value.length() > max) {
            problem(field, Reason.TOO_LONG, "is " + value.length() + " characters long, at most " + max + " allowed");
            return null;
        }
        return value;
    }
}
