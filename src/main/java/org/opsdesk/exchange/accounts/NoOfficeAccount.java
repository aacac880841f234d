package org.opsdesk.exchange.accounts;

import org.opsdesk.shared.ProblemException;

/**
 * The office holds no enabled account that can take this side of an order in this currency: none at the client's
 * bank and no default. Answered as 422 {@code no-office-account}; the office must add or enable an account, or
 * choose a default.
 */
public final class NoOfficeAccount extends ProblemException {

    NoOfficeAccount(String currency, String side) {
        super(
                422,
                "no-office-account",
                "No office account",
                "the office has no enabled account for " + side + " in " + currency
                        + " at the client's bank and no default one");
        with("currency", currency);
    }
}
