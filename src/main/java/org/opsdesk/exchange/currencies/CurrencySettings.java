package org.opsdesk.exchange.currencies;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.CurrencyCode;

/**
 * What the office set for one currency of the dictionary: whether it works with it, the limits of one order's amount
 * in it (at the currency's scale; null: no limit on that side) and the payment window of orders paid in it. A
 * currency the office never configured has the defaults: not enabled, no limits, {@link #DEFAULT_PAYMENT_WINDOW}.
 *
 * @param updatedAt when it was last changed, null for a currency never configured
 * @param updatedBy who changed it last (the actor's name), null likewise
 */
public record CurrencySettings(
        CurrencyCode currency,
        boolean enabled,
        @Nullable BigDecimal minAmount,
        @Nullable BigDecimal maxAmount,
        Duration paymentWindow,
        @Nullable Instant updatedAt,
        @Nullable String updatedBy) {

    public static final Duration DEFAULT_PAYMENT_WINDOW = Duration.ofMinutes(15);
    public static final Duration MIN_PAYMENT_WINDOW = Duration.ofMinutes(1);
    public static final Duration MAX_PAYMENT_WINDOW = Duration.ofDays(7);

    /** The settings of a currency the office never configured. */
    public static CurrencySettings unconfigured(CurrencyCode currency) {
        return new CurrencySettings(currency, false, null, null, DEFAULT_PAYMENT_WINDOW, null, null);
    }

    public String code() {
        return currency.code();
    }

    /** Whether one order's amount in this currency lies within the limits (both inclusive). */
    public boolean withinLimits(BigDecimal amount) {
        return (minAmount == null || amount.compareTo(minAmount) >= 0)
                && (maxAmount == null || amount.compareTo(maxAmount) <= 0);
    }
}
