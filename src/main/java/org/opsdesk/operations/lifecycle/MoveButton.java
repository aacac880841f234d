package org.opsdesk.operations.lifecycle;

import org.opsdesk.operations.AvailableMove;
import org.opsdesk.workflow.Status;

/** A move as the page offers it: the workflow's answer plus whether the target stage ends the operation. */
public record MoveButton(
        String to, Status status, boolean reasonRequired, boolean fourEyes, int approvals, boolean terminal) {

    static MoveButton of(AvailableMove move, boolean terminal) {
        return new MoveButton(
                move.to(), move.status(), move.reasonRequired(), move.fourEyes(), move.requiredApprovals(), terminal);
    }
}
