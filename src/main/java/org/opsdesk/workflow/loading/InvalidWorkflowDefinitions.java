package org.opsdesk.workflow.loading;

import java.util.List;

/** Stops the start: one or more definition files are broken. Nothing is loaded in that case. */
public final class InvalidWorkflowDefinitions extends IllegalStateException {
    private final List<String> errors;

    public InvalidWorkflowDefinitions(List<String> errors) {
        super("Invalid workflow definitions (" + errors.size() + "):\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
