package org.opsdesk.workflow;

import org.opsdesk.shared.ProblemException;

/** The workflow has no transition from the current stage to the requested one. */
public final class TransitionNotAllowed extends ProblemException {
    public TransitionNotAllowed(String type, String from, String to) {
        super(
                409,
                "transition-not-allowed",
                "Transition not allowed",
                "a " + type + " in stage '" + from + "' cannot move to '" + to + "'");
        with("currentStage", from);
    }
}
