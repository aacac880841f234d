package org.opsdesk.exchange.orders;

import org.opsdesk.shared.ProblemException;

/** An order cannot take this change in its current state (closed, a rate request already pending, …): 409. */
public final class OrderConflict extends ProblemException {

    public OrderConflict(String slug, String detail) {
        super(409, slug, "Order conflict", detail);
    }
}
