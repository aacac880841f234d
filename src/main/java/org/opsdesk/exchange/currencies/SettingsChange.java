package org.opsdesk.exchange.currencies;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** New settings for a currency, already checked by {@link CurrencyLimits}: amounts at the currency's scale. */
record SettingsChange(
        boolean enabled, @Nullable BigDecimal minAmount, @Nullable BigDecimal maxAmount, Duration paymentWindow) {}
