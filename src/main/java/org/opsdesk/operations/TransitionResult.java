package org.opsdesk.operations;

import org.jspecify.annotations.Nullable;

/**
 * What asking for a transition did: either the operation moved, or — under a four-eyes policy — an approval
 * request now waits for its checkers and the operation stayed in its stage.
 *
 * @param operation the operation after the call (moved, or with the request recorded in its history)
 * @param approval the request that must be approved first, null when the move applied
 */
public record TransitionResult(OperationSnapshot operation, @Nullable ApprovalRequest approval) {

    public boolean applied() {
        return approval == null;
    }
}
