package org.opsdesk.workflow;

import org.opsdesk.shared.ProblemException;

/**
 * The move needs a second person's approval. Until the approval flow exists such moves are refused outright
 * rather than applied without a checker.
 */
public final class FourEyesRequired extends ProblemException {
    public FourEyesRequired(String from, String to) {
        super(
                409,
                "four-eyes-required",
                "Four-eyes approval required",
                "the move " + from + " -> " + to
                        + " needs approval by a second person; the approval flow is not available yet");
        with("currentStage", from);
    }
}
