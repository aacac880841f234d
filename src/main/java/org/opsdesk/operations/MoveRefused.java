package org.opsdesk.operations;

import org.opsdesk.shared.ProblemException;

/** A {@link MoveGuard} refused a move the workflow allows, for a reason of the module that owns the details. */
public final class MoveRefused extends ProblemException {

    public MoveRefused(String type, String from, String to, String reason) {
        super(
                409,
                "move-refused",
                "Move refused",
                "a " + type + " in stage '" + from + "' cannot move to '" + to + "' now: " + reason);
        with("currentStage", from);
    }
}
