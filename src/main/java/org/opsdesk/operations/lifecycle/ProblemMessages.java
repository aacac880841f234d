package org.opsdesk.operations.lifecycle;

import java.util.Locale;
import java.util.StringJoiner;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A refusal in the operator's language: {@code detail.error.<slug>.<reasonCode>} for a problem that says which of
 * its cases it is (property {@code reasonCode}), else {@code detail.error.<slug>} from the operations bundle, or the
 * problem's own (English) detail where the bundle has no words for it — never an error page.
 */
@Component
public class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String of(ProblemException problem) {
        if (problem instanceof InvalidInput invalid) {
            return invalidInput(invalid);
        }
        Object[] args = {problem.detail(), problem.properties().get("permission")};
        String general = messages.getMessage("detail.error." + problem.slug(), args, problem.detail(), locale());
        Object reasonCode = problem.properties().get("reasonCode");
        return reasonCode == null
                ? general
                : messages.getMessage("detail.error." + problem.slug() + "." + reasonCode, args, general, locale());
    }

    /**
     * Each field's rule in the operator's language ({@code detail.invalid.<field>}), the service's English words
     * only for a field the bundle does not know.
     */
    private String invalidInput(InvalidInput invalid) {
        String fields = fields(invalid);
        return messages.getMessage("detail.error.invalid-input", new Object[] {fields}, fields, locale());
    }

    /** Each refused field's rule in the operator's language, one after the other. */
    public String fields(InvalidInput invalid) {
        var fields = new StringJoiner(" ");
        invalid.errors()
                .forEach(e ->
                        fields.add(messages.getMessage("detail.invalid." + e.field(), null, e.message(), locale())));
        return fields.toString();
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
