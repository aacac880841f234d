package org.opsdesk.provider.outcomes;

import org.opsdesk.shared.ProblemException;

/** The outcome is known already (or was given up on): there is nothing left to settle. */
final class OutcomeNotPending extends ProblemException {

    OutcomeNotPending(PendingOutcome outcome) {
        super(
                409,
                "outcome-not-pending",
                "Outcome no longer pending",
                "the provider outcome of this operation is " + outcome.state().code() + " already");
        with("state", outcome.state().code());
    }
}
