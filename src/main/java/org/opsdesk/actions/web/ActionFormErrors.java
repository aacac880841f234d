package org.opsdesk.actions.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A refused invocation in the operator's language, for the console's forms: each bad field's reason keyed by the
 * form control it belongs beside ({@code input.amount.value} → {@code amount}), and a refusal of the whole action
 * (unavailable now, no provider, not permitted) as one sentence. The catalog's own reasons carry a message key with
 * their arguments ({@code action.form.error.*}, see {@code FieldReason}); a reason a handler or another module words
 * without a key is shown as it is said (in English), the common ones (required, confirm) by their own texts.
 */
@Component
class ActionFormErrors {

    private final MessageSource messages;

    ActionFormErrors(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, String> byField(InvalidInput invalid, String identifier) {
        var byField = new LinkedHashMap<String, String>();
        for (ProblemException.FieldError error : invalid.errors()) {
            String control = control(error.field());
            byField.merge(control, sentence(control, error, identifier), (a, b) -> a + " " + b);
        }
        return byField;
    }

    String general(ProblemException refused) {
        String reason = refused.detail();
        return text("action.form.refused." + refused.slug(), reason, reason);
    }

    private String sentence(String control, ProblemException.FieldError error, String identifier) {
        String message = error.message();
        if (error.messageKey() != null) { // the catalog's own reasons: each has its text in every language
            return text(error.messageKey(), message, error.arguments().toArray());
        }
        if (control.equals("confirm")) {
            return text("action.form.error.confirm", message, identifier);
        }
        if (control.equals("reason") && message.startsWith("required")) {
            return text("action.form.error.reason-required", message);
        }
        if (message.equals("required")) {
            return text("action.form.error.required", message);
        }
        return text("action.form.error.other", message, message);
    }

    /** The form control a field error belongs to: an input field by its name, or reason, confirm, input. */
    static String control(String field) {
        if (!field.startsWith("input.")) {
            return field;
        }
        String rest = field.substring("input.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private String text(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
    }
}
