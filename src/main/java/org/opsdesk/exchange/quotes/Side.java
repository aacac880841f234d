package org.opsdesk.exchange.quotes;

/** The client's side on the pair's base currency: {@code BUY} — they buy base and pay in quote; {@code SELL} — the reverse. */
public enum Side {
    BUY,
    SELL
}
