package org.opsdesk.actions.invocation;

import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.shared.Actor;
import tools.jackson.databind.JsonNode;

/**
 * An invocation checked and ready to be stored: nothing is written before every check passed.
 *
 * @param inputJson the input as sent, kept to type it again when the effect applies
 * @param requiredApprovals the checkers the declaration asks for this invocation
 */
record Prepared(
        ActionDefinition action,
        ActionHandler handler,
        @Nullable ActionTarget target,
        ActionInput input,
        JsonNode inputJson,
        @Nullable String reason,
        Actor maker,
        int requiredApprovals) {

    String operationType() {
        return action.operationType().orElseThrow();
    }
}
