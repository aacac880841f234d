package org.opsdesk.workflow;

import java.util.List;
import org.opsdesk.shared.ProblemException;

/** An operation type, or a version of one, that Opsdesk has no definition for. */
public final class UnknownWorkflow extends ProblemException {
    public UnknownWorkflow(String field, String type) {
        super(
                422,
                "unknown-operation-type",
                "Unknown operation type",
                "'" + type + "' is not a defined operation type",
                List.of(new FieldError(field, "unknown operation type '" + type + "'")));
    }
}
