package org.opsdesk.exchange.web;

import java.util.List;
import org.opsdesk.shared.ProblemException;

/**
 * Input the exchange desk refuses: to the API exactly an {@code invalid-input} problem (422 with the field and the
 * reason in English), and to the console the same refusal by message key, so the page says it beside the field in
 * the operator's language ({@code exchange.error.<key>} with the reason's arguments).
 */
public final class DeskRefusal extends ProblemException {

    /** One refused field: its name in the request, the message key of the reason, its arguments, the English text. */
    public record Reason(String field, String key, List<Object> arguments, String english) {
        public Reason {
            arguments = List.copyOf(arguments);
        }
    }

    private final Reason reason;

    private DeskRefusal(Reason reason) {
        super(
                422,
                "invalid-input",
                "Invalid input",
                reason.field() + ": " + reason.english(),
                List.of(new FieldError(reason.field(), reason.english())));
        this.reason = reason;
    }

    /** Refuses {@code field}; {@code english} is the API's text, {@code key} the console's message. */
    public static DeskRefusal of(String field, String key, String english, Object... arguments) {
        return new DeskRefusal(new Reason(field, key, List.of(arguments), english));
    }

    public Reason reason() {
        return reason;
    }
}
