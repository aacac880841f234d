package org.opsdesk.exchange.accounts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opsdesk.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a refusal's field errors into the messages the console shows beside each field, in the operator's language. */
@Component
class FieldMessages {

    private final MessageSource messages;

    FieldMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Field name to message; the first refusal of a field wins. */
    Map<String, String> of(InvalidInput refused, Locale locale) {
        var shown = new LinkedHashMap<String, String>();
        refused.errors()
                .forEach(error -> shown.putIfAbsent(
                        error.field(),
                        messages.getMessage(FieldReason.of(error).messageKey(), null, error.message(), locale)));
        return shown;
    }
}
