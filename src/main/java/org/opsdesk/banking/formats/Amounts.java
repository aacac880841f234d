package org.opsdesk.banking.formats;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.StatementFileRefused.Reason;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;

/**
 * Turns the amounts a file states into {@link Money} at the currency's ISO 4217 scale, refusing what does not fit:
 * an unknown currency, more significant decimals than the currency has ({@code 10.005 EUR}), or more integer digits
 * than any bank balance needs. Trailing zeros beyond the scale ({@code 8.850 EUR}) are harmless and dropped.
 */
final class Amounts {

    /** Eighteen integer digits: more than any account holds, few enough for {@code numeric(30, x)} columns. */
    static final int MAX_INTEGER_DIGITS = 18;

    private static final Currencies ISO = new Currencies(Map.of());

    private Amounts() {}

    static CurrencyCode currency(String field, @Nullable String code) {
        String trimmed = code == null ? "" : code.strip();
        return ISO.find(trimmed)
                .orElseThrow(() -> new StatementFileRefused(
                        Reason.UNKNOWN_CURRENCY, field, "'" + trimmed + "' is not an ISO 4217 currency"));
    }

    static Money money(String field, @Nullable BigDecimal value, String currencyCode) {
        return money(field, value, currency(field, currencyCode));
    }

    static Money money(String field, @Nullable BigDecimal value, CurrencyCode currency) {
        if (value == null) {
            throw new StatementFileRefused(Reason.MALFORMED, field, "has no amount");
        }
        BigDecimal significant = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (significant.scale() > currency.fractionDigits()) {
            throw new StatementFileRefused(
                    Reason.AMOUNT_SCALE,
                    field,
                    value.toPlainString() + " has more decimals than " + currency.code() + " allows ("
                            + currency.fractionDigits() + ")");
        }
        if (significant.precision() - significant.scale() > MAX_INTEGER_DIGITS) {
            throw new StatementFileRefused(
                    Reason.AMOUNT_SCALE, field, "amount has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        return new Money(significant, currency);
    }
}
