package org.opsdesk.banking.matching;

import org.opsdesk.shared.ProblemException;

/** The entry or the order cannot take this decision as they stand (decided already, order paid or expired): 409. */
final class QueueConflict extends ProblemException {

    QueueConflict(String slug, String detail) {
        super(409, slug, "Payments queue conflict", detail);
    }
}
