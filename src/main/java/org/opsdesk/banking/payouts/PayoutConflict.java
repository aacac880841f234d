package org.opsdesk.banking.payouts;

import org.opsdesk.shared.ProblemException;

/** A batch or an item cannot take this change in its current state (not released, already sent, removed…): 409. */
final class PayoutConflict extends ProblemException {

    PayoutConflict(String slug, String detail) {
        super(409, slug, "Payout batch conflict", detail);
    }
}
