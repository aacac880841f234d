package org.opsdesk.workflow;

/**
 * A transition a given actor may take now.
 *
 * @param override true when a person or key forces a system or timer move with the override permission
 * @param requiredApprovals how many distinct checkers other than the actor must approve it before it applies
 *     (its four-eyes policy for the operation's amount); 0 means it applies at once
 */
public record Move(Transition transition, boolean override, int requiredApprovals) {

    public Move {
        if (requiredApprovals < 0) {
            throw new IllegalArgumentException("required approvals cannot be negative: " + requiredApprovals);
        }
    }

    /** Whether the move waits for approval instead of applying. */
    public boolean needsApproval() {
        return requiredApprovals > 0;
    }
}
