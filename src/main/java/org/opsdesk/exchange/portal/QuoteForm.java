package org.opsdesk.exchange.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.ProblemException;

/**
 * The exchange form as typed: the pair ({@code EUR/PLN}), the client's side, the amount and its currency. A refusal
 * of the quote's fields is put beside the form's field it came from.
 */
record QuoteForm(@Nullable String pair, @Nullable String side, @Nullable String amount, @Nullable String currency) {

    static final int MAX_LENGTH = 40;

    static QuoteForm empty() {
        return new QuoteForm(null, "buy", null, null);
    }

    /** The pair's base currency, or the whole text when it is not {@code BASE/QUOTE}. */
    String base() {
        String typed = pair == null ? "" : pair;
        int slash = typed.indexOf('/');
        return slash < 0 ? typed : typed.substring(0, slash);
    }

    String quote() {
        String typed = pair == null ? "" : pair;
        int slash = typed.indexOf('/');
        return slash < 0 ? "" : typed.substring(slash + 1);
    }

    /** Fields longer than any valid value, refused before anything is priced or stored. */
    Map<String, String> tooLong() {
        var errors = new LinkedHashMap<String, String>();
        check(errors, "pair", pair);
        check(errors, "side", side);
        check(errors, "amount", amount);
        check(errors, "currency", currency);
        return errors;
    }

    private static void check(Map<String, String> errors, String field, @Nullable String value) {
        if (value != null && value.length() > MAX_LENGTH) {
            errors.put(field, "portal.orders.error.tooLong");
        }
    }

    /** The form field a refusal of the quote names, with its message key. */
    static Map<String, String> errors(ProblemException refused) {
        var errors = new LinkedHashMap<String, String>();
        for (var error : refused.errors()) {
            String field =
                    switch (error.field()) {
                        case "base", "quote" -> "pair";
                        case "amount.value" -> "amount";
                        case "amount.currency" -> "currency";
                        case "side" -> "side";
                        default -> "form";
                    };
            String key = error.message().contains("minimum") || error.message().contains("maximum")
                    ? "portal.orders.error.limits"
                    : "portal.orders.error." + field;
            errors.putIfAbsent(field, key);
        }
        if (errors.isEmpty()) {
            errors.put("form", "portal.orders.error.form");
        }
        return errors;
    }
}
