package org.opsdesk.notifications.rules;

import java.util.List;

/** Stops the start: one or more rule files are broken. Nothing is loaded in that case. */
public final class InvalidNotificationRules extends IllegalStateException {
    private final List<String> errors;

    public InvalidNotificationRules(List<String> errors) {
        super("Invalid notification rules (" + errors.size() + "):\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
