package org.opsdesk.operations.approvals;

import org.opsdesk.shared.ProblemException;

/**
 * The operation moved on since the move was asked for, so the request no longer means what its checkers would
 * approve. The request is kept as VOID (that change commits although this is thrown).
 */
public final class ApprovalVoid extends ProblemException {
    public ApprovalVoid(String voidReason) {
        super(409, "approval-void", "Approval request is void", voidReason);
        with("state", "VOID");
        with("voidReason", voidReason);
    }
}
