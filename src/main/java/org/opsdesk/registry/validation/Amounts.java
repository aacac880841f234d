package org.opsdesk.registry.validation;

import java.math.BigDecimal;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;

/** Amounts of the registry: in reais, not negative, and within what {@code numeric(19, 2)} holds. */
public final class Amounts {

    private static final BigDecimal MAX = new BigDecimal("99999999999999999.99");

    private Amounts() {}

    public static Money brl(String field, Money money) {
        if (!money.currency().code().equals("BRL")) {
            throw InvalidInput.of(field, "must be in BRL (the registry's accounts are in reais)");
        }
        if (money.amount().signum() < 0) {
            throw InvalidInput.of(field, "must not be negative");
        }
        if (money.amount().compareTo(MAX) > 0) {
            throw InvalidInput.of(field, "is too large");
        }
        return money;
    }
}
