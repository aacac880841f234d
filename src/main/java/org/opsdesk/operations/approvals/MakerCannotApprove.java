package org.opsdesk.operations.approvals;

import org.opsdesk.shared.ProblemException;

/** Four eyes means two people: whoever asked for the move cannot also be its checker. */
public final class MakerCannotApprove extends ProblemException {
    public MakerCannotApprove(String action) {
        super(
                403,
                "maker-cannot-approve",
                "The maker cannot decide their own request",
                "you asked for this move, so you cannot " + action
                        + " it; a different person or key holding the approve permission must");
    }
}
