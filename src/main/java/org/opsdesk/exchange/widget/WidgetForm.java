package org.opsdesk.exchange.widget;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The calculator as typed: the pair ({@code EUR/PLN}), the client's side on its first currency ({@code buy} or
 * {@code sell}), an amount and the currency it is in. Nothing is asked until an amount is typed.
 */
record WidgetForm(@Nullable String pair, @Nullable String side, @Nullable String amount, @Nullable String currency) {

    /** Longer than any valid value of any field. */
    static final int MAX_LENGTH = 40;

    /** Whether the visitor asked for a price (typed an amount). */
    public boolean asked() {
        return amount != null && !amount.isBlank();
    }

    public String sideOrBuy() {
        return "sell".equals(side) ? "sell" : "buy";
    }

    /** The pair's first currency, upper-cased; empty when the pair is not {@code BASE/QUOTE}. */
    public String base() {
        String[] parts = parts();
        return parts.length == 2 ? parts[0] : "";
    }

    public String quote() {
        String[] parts = parts();
        return parts.length == 2 ? parts[1] : "";
    }

    public String currencyCode() {
        return currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
    }

    /** The amount as the desk reads it: trimmed, a decimal comma (as pl, nl and pt-BR write it) taken for a point. */
    public String amountValue() {
        String typed = amount == null ? "" : amount.strip();
        return typed.indexOf('.') < 0 && typed.indexOf(',') == typed.lastIndexOf(',') ? typed.replace(',', '.') : typed;
    }

    private String[] parts() {
        return (pair == null ? "" : pair.strip().toUpperCase(Locale.ROOT)).split("/", -1);
    }
}
