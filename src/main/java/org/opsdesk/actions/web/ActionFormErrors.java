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
 * (unavailable now, no provider, not permitted) as one sentence. The catalog's reasons are English sentences; the
 * common ones have their own texts ({@code action.form.error.*}), the rest are shown as the catalog says them.
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
            byField.merge(control, sentence(control, error.message(), identifier), (a, b) -> a + " " + b);
        }
        return byField;
    }

    String general(ProblemException refused) {
        String reason = refused.detail();
        return text("action.form.refused." + refused.slug(), reason, reason);
    }

    private String sentence(String control, String message, String identifier) {
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
