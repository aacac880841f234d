package org.opsdesk.operations;

import java.util.List;
import org.opsdesk.shared.ProblemException;

/** The {@link AssigneeDirectory} does not know the proposed assignee as someone who can work on this type. */
public final class UnknownAssignee extends ProblemException {
    public UnknownAssignee(String assignee, String type) {
        super(
                422,
                "unknown-assignee",
                "Unknown assignee",
                "'" + assignee + "' is not an enabled operator who may view " + type + " operations",
                List.of(new FieldError("assignee", "not an enabled operator who may view " + type)));
    }
}
