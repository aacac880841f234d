package org.opsdesk.operations.approvals;

import java.util.UUID;
import org.opsdesk.operations.ApprovalRequest.State;
import org.opsdesk.shared.ProblemException;

/** The request was already approved, declined or voided; nothing more can be decided on it. */
public final class ApprovalNotPending extends ProblemException {
    public ApprovalNotPending(UUID requestId, State state) {
        super(
                409,
                "approval-not-pending",
                "Approval request is not pending",
                "approval request " + requestId + " is " + state + " and can no longer be decided");
        with("state", state.name());
    }
}
