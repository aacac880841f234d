package org.opsdesk.registry.records;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;

/** An amount as the registry's answers write it: a plain decimal string ({@code "1250.00"}) and its currency. */
public record RegistryAmount(String value, String currency) {

    public static @Nullable RegistryAmount of(@Nullable Money money) {
        return money == null
                ? null
                : new RegistryAmount(money.value(), money.currency().code());
    }

    public static RegistryAmount of(BigDecimal amount, String currency) {
        return new RegistryAmount(amount.toPlainString(), currency);
    }
}
