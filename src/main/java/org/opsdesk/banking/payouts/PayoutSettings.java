package org.opsdesk.banking.payouts;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The office's payout configuration: {@code opsdesk.banking.payouts.four-eyes-above.<CUR>} — the batch total in a
 * currency above which releasing a batch needs a second person (a currency not listed always needs one: fail safe,
 * as the workflows' four-eyes tiers do) — and {@code opsdesk.banking.payouts.debtor-name}, the office's name on its
 * transfer files (the desk's beneficiary name when not set).
 */
@Component
class PayoutSettings {

    private final Map<String, BigDecimal> fourEyesAbove;
    private final @Nullable String debtorName;

    PayoutSettings(Environment environment) {
        Binder binder = Binder.get(environment);
        this.fourEyesAbove = Map.copyOf(
                binder.bind("opsdesk.banking.payouts.four-eyes-above", Bindable.mapOf(String.class, BigDecimal.class))
                        .orElse(Map.of()));
        this.debtorName =
                binder.bind("opsdesk.banking.payouts.debtor-name", String.class).orElse(null);
    }

    /** The total above which a batch in {@code currency} needs a second person; empty: always. */
    Optional<BigDecimal> fourEyesAbove(String currency) {
        return Optional.ofNullable(fourEyesAbove.get(currency));
    }

    Optional<String> debtorName() {
        return Optional.ofNullable(debtorName).filter(name -> !name.isBlank());
    }
}
