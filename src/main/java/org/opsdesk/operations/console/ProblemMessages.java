package org.opsdesk.operations.console;

import java.util.Locale;
import org.opsdesk.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A refusal in the operator's language: {@code detail.error.<slug>} from the operations bundle, or the problem's
 * own (English) detail where the bundle has no words for it — never an error page.
 */
@Component
class ProblemMessages {

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(ProblemException problem) {
        Object[] args = {problem.detail(), problem.properties().get("permission")};
        return messages.getMessage("detail.error." + problem.slug(), args, problem.detail(), locale());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
