package org.opsdesk.actions;

import org.opsdesk.shared.ProblemException;

/**
 * The action may not be taken on this record in its state now (e.g. suspend a cancelled account): {@code 409
 * action-unavailable} with the reason at request time; when it happens as a four-eyes action is finally applied,
 * the invocation's operation is moved to its refused stage ({@code REJECTED}) with the reason instead.
 */
public final class ActionRefused extends ProblemException {

    public ActionRefused(String reason) {
        super(409, "action-unavailable", "Action not available", reason);
    }
}
