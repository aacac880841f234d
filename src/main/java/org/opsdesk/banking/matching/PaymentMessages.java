package org.opsdesk.banking.matching;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The queue's refusals in the operator's language: by field beside its control, or as a conflict above the forms. */
@Component
class PaymentMessages {

    /** Fields a decision's form has a control for; another field's refusal (a re-quote's amount) goes above. */
    private static final Set<String> FORM_FIELDS = Set.of("orderId", "reason", "consent");

    private final MessageSource messages;

    PaymentMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Each refused field's message, under the field it is shown beside ({@code decision} for any other). */
    Map<String, String> fields(InvalidInput refused, Locale locale) {
        var shown = new LinkedHashMap<String, String>();
        refused.errors()
                .forEach(e -> shown.putIfAbsent(
                        FORM_FIELDS.contains(e.field()) ? e.field() : "decision",
                        messages.getMessage(
                                "payments.error." + e.field(), null, e.field() + " " + e.message(), locale)));
        return shown;
    }

    /** A conflict (decided already, the order expired, …) in a sentence, or the problem's own detail. */
    String conflict(ProblemException refused, Locale locale) {
        String text = messages.getMessage("payments.conflict." + refused.slug(), null, refused.detail(), locale);
        return text == null ? refused.detail() : text;
    }
}
