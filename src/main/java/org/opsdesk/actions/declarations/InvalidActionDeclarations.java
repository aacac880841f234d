package org.opsdesk.actions.declarations;

import java.util.List;

/** Stops the start: one or more action declarations are broken. Nothing is loaded in that case. */
public final class InvalidActionDeclarations extends IllegalStateException {

    private final List<String> errors;

    public InvalidActionDeclarations(List<String> errors) {
        super("Invalid action declarations (" + errors.size() + "):\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
