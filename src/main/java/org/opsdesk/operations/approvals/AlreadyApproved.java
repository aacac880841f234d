package org.opsdesk.operations.approvals;

import org.opsdesk.shared.ProblemException;

/** One checker counts once: the same principal approving again does not bring the move closer. */
public final class AlreadyApproved extends ProblemException {
    public AlreadyApproved(int approvals, int required) {
        super(
                409,
                "already-approved",
                "Already approved by you",
                "you approved this request already (" + approvals + " of " + required
                        + " approvals); another checker must give the next one");
        with("approvals", approvals);
        with("requiredApprovals", required);
    }
}
