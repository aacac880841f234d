package org.opsdesk.exchange.publicrates;

import org.jspecify.annotations.Nullable;

/**
 * One direction of a quotable pair, as rate monitors read it: the client gives {@code in} units of {@code from}
 * and gets {@code out} units of {@code to}. For a pair base/quote the client selling base gets {@code from=base
 * to=quote in=1 out=buy}; the client buying base {@code from=quote to=base in=sell out=1}.
 *
 * @param amount the office's reserve of {@code to}
 * @param minAmount the least one order may be in {@code from}, null for no limit
 * @param maxAmount the most, likewise
 * @param param {@code manual} where a person takes part in the payout (the pair's mode is not automatic)
 */
record RateFileItem(
        String from,
        String to,
        String in,
        String out,
        String amount,
        @Nullable String minAmount,
        @Nullable String maxAmount,
        @Nullable String param) {}
