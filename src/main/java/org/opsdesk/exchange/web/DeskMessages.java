package org.opsdesk.exchange.web;

import java.util.Locale;
import org.opsdesk.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Says a refusal of the desk's pages in the operator's language: the field's label and the reason. */
@Component
public class DeskMessages {

    private final MessageSource messages;

    DeskMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** The refused field's name as the form calls it. */
    public String field(ProblemException refused) {
        return refused.errors().isEmpty() ? "" : refused.errors().get(0).field();
    }

    /** "Maximum amount: must not be below the minimum (10.00)" in the operator's language. */
    public String describe(ProblemException refused, Locale locale) {
        if (refused instanceof DeskRefusal desk) {
            var reason = desk.reason();
            String label = label(reason.field(), locale);
            String text = messages.getMessage(
                    "exchange.error." + reason.key(), reason.arguments().toArray(), reason.english(), locale);
            return label + ": " + text;
        }
        if (!refused.errors().isEmpty()) { // a shared check's refusal (a time, a cursor): its English reason
            var error = refused.errors().get(0);
            return label(error.field(), locale) + ": " + error.message();
        }
        return refused.detail();
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("exchange.field." + field, null, field, locale);
    }
}
