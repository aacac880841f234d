package org.opsdesk.exchange.rates;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of a pair's orders runs without a person: {@code automatic} — a matched payment starts the payout;
 * {@code semi_automatic} — matching is automatic, a cashier releases the payout; {@code manual} — the cashier
 * confirms the payment and the completion by hand. A new pair is {@link #MANUAL}.
 */
public enum ExchangeMode {
    AUTOMATIC,
    SEMI_AUTOMATIC,
    MANUAL;

    /** The code the API and the database use: {@code automatic}, {@code semi_automatic}, {@code manual}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExchangeMode> ofCode(String code) {
        for (ExchangeMode mode : values()) {
            if (mode.code().equals(code)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
