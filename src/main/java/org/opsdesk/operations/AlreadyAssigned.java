package org.opsdesk.operations;

import org.opsdesk.shared.ProblemException;

/** Only an unassigned operation can be claimed; someone has it already. */
public final class AlreadyAssigned extends ProblemException {
    public AlreadyAssigned(String assignee) {
        super(
                409,
                "already-assigned",
                "Already assigned",
                "the operation is assigned to '" + assignee + "'; it can be claimed once it is released");
        with("assignee", assignee);
    }
}
