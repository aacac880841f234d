package org.opsdesk.workflow;

import java.util.List;
import org.opsdesk.shared.ProblemException;

/** The move needs a reason (every move into ERROR or REJECTED, every override) and none was given. */
public final class ReasonRequired extends ProblemException {
    public ReasonRequired(String why) {
        super(422, "reason-required", "Reason required", why, List.of(new FieldError("reason", "required: " + why)));
    }
}
