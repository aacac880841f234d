package org.opsdesk.exchange.currencies;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.web.DeskRefusal;
import org.opsdesk.shared.CurrencyCode;

/**
 * Checks a currency's settings as typed (API body or console form): limits as decimal strings, not negative, no
 * more decimals than the currency has, the minimum not above the maximum; the payment window an ISO-8601 duration
 * between {@link CurrencySettings#MIN_PAYMENT_WINDOW} and {@link CurrencySettings#MAX_PAYMENT_WINDOW}. Each refusal
 * names its field.
 */
final class CurrencyLimits {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,18})?");

    private CurrencyLimits() {}

    static SettingsChange check(
            CurrencyCode currency,
            boolean enabled,
            @Nullable String minAmount,
            @Nullable String maxAmount,
            @Nullable String paymentWindow) {
        BigDecimal min = amount("minAmount", minAmount, currency);
        BigDecimal max = amount("maxAmount", maxAmount, currency);
        if (max != null && max.signum() == 0) {
            throw DeskRefusal.of("maxAmount", "max_zero", "must be greater than zero (leave it empty for no limit)");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw DeskRefusal.of(
                    "minAmount",
                    "min_above_max",
                    "must not be greater than maxAmount (" + max.toPlainString() + ")",
                    max.toPlainString());
        }
        return new SettingsChange(enabled, min, max, window(paymentWindow));
    }

    private static @Nullable BigDecimal amount(String field, @Nullable String typed, CurrencyCode currency) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw DeskRefusal.of(
                    field, "amount_format", "must be a decimal string such as \"125.50\" (no exponent or grouping)");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() < 0) {
            throw DeskRefusal.of(field, "negative", "must not be negative");
        }
        if (amount.scale() > currency.fractionDigits()) {
            throw DeskRefusal.of(
                    field,
                    "scale",
                    currency.code() + " amounts have at most " + currency.fractionDigits() + " decimals",
                    currency.code(),
                    currency.fractionDigits());
        }
        return amount.setScale(currency.fractionDigits());
    }

    private static Duration window(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return CurrencySettings.DEFAULT_PAYMENT_WINDOW;
        }
        Duration window;
        try {
            window = Duration.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw DeskRefusal.of(
                    "paymentWindow", "window_format", "must be an ISO-8601 duration such as PT15M, PT2H or P1D");
        }
        if (window.compareTo(CurrencySettings.MIN_PAYMENT_WINDOW) < 0
                || window.compareTo(CurrencySettings.MAX_PAYMENT_WINDOW) > 0) {
            throw DeskRefusal.of("paymentWindow", "window_range", "must lie between PT1M and P7D");
        }
        if (window.getNano() != 0) {
            throw DeskRefusal.of("paymentWindow", "window_seconds", "must be whole seconds");
        }
        return window;
    }
}
