package org.opsdesk.shared;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in a currency, always at the currency's scale ({@code 12.5 EUR} is held as {@code 12.50}). */
public record Money(BigDecimal amount, CurrencyCode currency) {
    public Money {
        Objects.requireNonNull(amount);
        Objects.requireNonNull(currency);
        if (amount.scale() > currency.fractionDigits()) {
            throw new IllegalArgumentException(amount + " has more decimals than " + currency.code() + " allows ("
                    + currency.fractionDigits() + ")");
        }
        amount = amount.setScale(currency.fractionDigits());
    }

    /** The amount as a plain decimal string, never in exponent notation. */
    public String value() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return value() + " " + currency.code();
    }
}
