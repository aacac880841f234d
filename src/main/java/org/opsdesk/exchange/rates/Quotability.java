package org.opsdesk.exchange.rates;

/** Whether a pair's current rate may be quoted to a client now, and if not, why. */
public enum Quotability {
    /** Both currencies enabled and the rate younger than {@code opsdesk.exchange.rates.max-age}. */
    QUOTABLE,
    /** The rate is older than {@code opsdesk.exchange.rates.max-age}: no new quotes until it is set again. */
    STALE,
    /** The office no longer works with one of the pair's currencies. */
    CURRENCY_DISABLED
}
