package org.opsdesk.shared;

import java.util.Objects;

/** An ISO 4217 or configured crypto currency code together with the number of decimals its amounts carry. */
public record CurrencyCode(String code, int fractionDigits) {
    public CurrencyCode {
        Objects.requireNonNull(code);
        if (fractionDigits < 0 || fractionDigits > 18) {
            throw new IllegalArgumentException("fraction digits out of range: " + fractionDigits);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
