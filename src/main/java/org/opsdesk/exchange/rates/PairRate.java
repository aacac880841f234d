package org.opsdesk.exchange.rates;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A pair's current rate: the office buys 1 {@code base} for {@code buy} units of {@code quote} and sells it for
 * {@code sell} (a client who buys base pays {@code sell}, a client who sells base receives {@code buy}); always
 * {@code sell > buy > 0}, at most {@link RateBook#MAX_DECIMALS} decimals.
 *
 * @param source where the rate came from: {@code manual}, {@code ecb}, ...
 * @param updatedBy the name of whoever set it
 * @param quotability whether new quotes may use it now
 */
public record PairRate(
        String base,
        String quote,
        BigDecimal buy,
        BigDecimal sell,
        ExchangeMode mode,
        String source,
        Instant updatedAt,
        String updatedBy,
        Quotability quotability) {

    /** Whether a client may be quoted this rate now (both currencies enabled, not stale). */
    public boolean quotable() {
        return quotability == Quotability.QUOTABLE;
    }

    public boolean stale() {
        return quotability == Quotability.STALE;
    }

    /** The currencies of these pairs, by code: what a form offers for an amount. */
    public static java.util.SortedSet<String> currenciesOf(java.util.List<PairRate> pairs) {
        var currencies = new java.util.TreeSet<String>();
        pairs.forEach(pair -> {
            currencies.add(pair.base());
            currencies.add(pair.quote());
        });
        return currencies;
    }
}
