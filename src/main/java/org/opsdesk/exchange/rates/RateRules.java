package org.opsdesk.exchange.rates;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.web.DeskRefusal;

/**
 * What a rate must be, whoever sets it: a positive decimal with at most {@link RateBook#MAX_DECIMALS} decimals and
 * {@link RateBook#MAX_INTEGER_DIGITS} integer digits (rates, not money: 1 JPY in BTC needs ten decimals, 1 BTC in
 * IDR eleven integer digits), and {@code sell > buy}. As text (API, forms) it is a plain decimal string.
 */
final class RateRules {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?");
    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private RateRules() {}

    /** The rate typed in {@code field}, or 422 naming it. */
    static BigDecimal parse(String field, @Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            throw DeskRefusal.of(field, "required", "is required");
        }
        String text = typed.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw DeskRefusal.of(field, "rate_format", "must be a decimal string such as \"4.2750\" (no exponent)");
        }
        return new BigDecimal(text);
    }

    /** Refuses a pair of rates that breaks a rule, naming the field at fault. */
    static void check(BigDecimal buy, BigDecimal sell) {
        value("buy", buy);
        value("sell", sell);
        if (sell.compareTo(buy) <= 0) {
            throw DeskRefusal.of(
                    "sell",
                    "sell_not_above_buy",
                    "must be greater than buy (" + buy.toPlainString() + ")",
                    buy.toPlainString());
        }
    }

    static void source(String source) {
        if (!SOURCE.matcher(source).matches()) {
            throw DeskRefusal.of("source", "source", "a lower-case word such as manual or ecb");
        }
    }

    private static void value(String field, BigDecimal rate) {
        if (rate.signum() <= 0) {
            throw DeskRefusal.of(field, "not_positive", "must be greater than zero");
        }
        if (rate.scale() > RateBook.MAX_DECIMALS) {
            throw DeskRefusal.of(
                    field, "rate_scale", "has at most " + RateBook.MAX_DECIMALS + " decimals", RateBook.MAX_DECIMALS);
        }
        if (rate.precision() - rate.scale() > RateBook.MAX_INTEGER_DIGITS) {
            throw DeskRefusal.of(
                    field,
                    "rate_size",
                    "has at most " + RateBook.MAX_INTEGER_DIGITS + " digits before the decimal point",
                    RateBook.MAX_INTEGER_DIGITS);
        }
    }
}
