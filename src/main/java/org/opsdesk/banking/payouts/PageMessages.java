package org.opsdesk.banking.payouts;

import java.util.Locale;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A refusal as the payout pages show it, in the operator's language: a refused field by {@code payouts.field.<name>},
 * any other problem by {@code payouts.problem.<slug>} (the problem's own detail when the bundle has no text for it).
 */
@Component
class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(ProblemException refused, Locale locale) {
        if (refused instanceof InvalidInput invalid && !invalid.errors().isEmpty()) {
            var error = invalid.errors().get(0);
            return messages.getMessage("payouts.field." + error.field(), null, error.message(), locale);
        }
        return messages.getMessage(
                "payouts.problem." + refused.slug(), new Object[] {refused.detail()}, refused.detail(), locale);
    }
}
