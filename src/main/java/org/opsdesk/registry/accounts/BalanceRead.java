package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.registry.records.ProviderResults;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code account.read-balance}: asks the provider for the account's balances and keeps them, per currency, with
 * the time read — the provider's {@code readAt} when it says, else the time its answer was applied. The provider
 * answers {@code {"balances": [{"currency": "BRL", "available": "10.00", "blocked": "0.00"}], "readAt": …}}.
 * Offered in every status: a cancelled account's residual balance is read too.
 */
@Component
class BalanceRead extends ProviderAction {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private final AccountRecords accounts;
    private final Balances balances;
    private final Clock clock;

    BalanceRead(AccountRecords accounts, Balances balances, Clock clock) {
        super("account.read-balance");
        this.accounts = accounts;
        this.balances = balances;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var account = accounts.find(targetId(invocation))
                .orElseThrow(() -> new ActionRefused("the account was deleted meanwhile"));
        Instant readAt = ProviderResults.instant(providerResult, "readAt").orElseGet(clock::instant);
        var changes = new LinkedHashMap<String, String>();
        for (var read : ProviderResults.objects(providerResult, "balances", true)) {
            String currency = ProviderResults.text(read, "currency");
            if (!CURRENCY.matcher(currency).matches()) {
                throw new ActionRefused("the provider's answer has '" + currency + "' as a currency");
            }
            var balance = new Balances.Balance(
                    currency,
                    ProviderResults.amount(read, "available"),
                    ProviderResults.optionalText(read, "blocked").isPresent()
                            ? ProviderResults.amount(read, "blocked")
                            : java.math.BigDecimal.ZERO,
                    readAt);
            balances.record(account.id(), balance);
            changes.put(
                    "balance." + currency,
                    balance.available().toPlainString() + " available, "
                            + balance.blocked().toPlainString() + " blocked");
        }
        changes.put("readAt", readAt.toString());
        return new Applied(account.id().toString(), changes);
    }
}
