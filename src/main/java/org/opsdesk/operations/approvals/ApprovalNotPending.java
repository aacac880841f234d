package org.opsdesk.operations.approvals;

import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.shared.ProblemException;

/** The request was already approved, declined or voided; nothing more can be decided on it. */
public final class ApprovalNotPending extends ProblemException {
    public ApprovalNotPending(ApprovalRequest request) {
        super(
                409,
                "approval-not-pending",
                "Approval request is not pending",
                "approval request " + request.id() + " is " + request.state() + " and can no longer be decided");
        with("state", request.state().name());
    }
}
