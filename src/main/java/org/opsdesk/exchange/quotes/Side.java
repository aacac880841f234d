package org.opsdesk.exchange.quotes;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;

/** The client's side on the pair's base currency: {@code BUY} — they buy base and pay in quote; {@code SELL} — the reverse. */
public enum Side {
    BUY,
    SELL;

    /**
     * The side as the API and forms write it.
     *
     * @throws InvalidInput naming {@code field} for anything but {@code buy} or {@code sell}
     */
    public static Side parse(String field, @Nullable String typed) {
        if ("buy".equals(typed)) {
            return BUY;
        }
        if ("sell".equals(typed)) {
            return SELL;
        }
        throw InvalidInput.of(field, "buy (the client buys base and pays in quote) or sell");
    }
}
