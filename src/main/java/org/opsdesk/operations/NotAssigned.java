package org.opsdesk.operations;

import org.opsdesk.shared.ProblemException;

/** There is nobody to release the operation from. */
public final class NotAssigned extends ProblemException {
    public NotAssigned() {
        super(409, "not-assigned", "Not assigned", "the operation has no assignee to release");
    }
}
