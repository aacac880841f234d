package org.opsdesk.operations.approvals;

import java.util.UUID;
import org.opsdesk.shared.ProblemException;

/** The same move of the same operation already waits for approval: approve or decline that one. */
public final class ApprovalAlreadyPending extends ProblemException {
    public ApprovalAlreadyPending(String toStage, UUID existingId) {
        super(
                409,
                "approval-already-pending",
                "Approval already pending",
                "the move to '" + toStage + "' already waits for approval in request " + existingId);
        with("existingId", existingId.toString());
    }
}
