package org.opsdesk.workflow;

import java.util.List;
import org.opsdesk.shared.ProblemException;

/** The requested target stage does not exist in the operation's workflow. */
public final class UnknownStage extends ProblemException {
    public UnknownStage(String field, String type, String stage) {
        super(
                422,
                "unknown-stage",
                "Unknown stage",
                "'" + stage + "' is not a stage of " + type,
                List.of(new FieldError(field, "unknown stage '" + stage + "' for type " + type)));
    }
}
