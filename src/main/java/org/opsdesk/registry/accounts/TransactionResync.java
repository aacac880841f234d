package org.opsdesk.registry.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.registry.records.ProviderResults;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * {@code account.resync-transactions}: asks the provider to send the account's transactions of a period again
 * (optional {@code from} and {@code to} dates, at most 90 days apart, {@code from} not after {@code to}). Opsdesk
 * keeps no transactions yet (they arrive in part 2): the provider's count, when it answers one ({@code
 * resynced}), is listed, and the history records the period asked.
 */
@Component
class TransactionResync extends ProviderAction {

    static final long MAX_DAYS = 90;

    TransactionResync() {
        super("account.resync-transactions");
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        var from = input.date("from");
        var to = input.date("to");
        if (from.isPresent() && to.isPresent()) {
            if (from.get().isAfter(to.get())) {
                throw InvalidInput.of("from", "must not be after to");
            }
            if (from.get().plusDays(MAX_DAYS).isBefore(to.get())) {
                throw InvalidInput.of("to", "must be at most " + MAX_DAYS + " days after from");
            }
        }
    }

    @Override
    protected Map<String, Object> fields(Invocation invocation) {
        return period(invocation.input());
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var changes = new LinkedHashMap<String, String>();
        period(invocation.input()).forEach((name, value) -> changes.put(name, value.toString()));
        changes.put(
                "resynced",
                ProviderResults.optionalText(providerResult, "resynced").orElse("requested"));
        return new Applied(targetId(invocation).toString(), changes);
    }

    private static Map<String, Object> period(ActionInput input) {
        var period = new LinkedHashMap<String, Object>();
        input.date("from").ifPresent(from -> period.put("from", from.toString()));
        input.date("to").ifPresent(to -> period.put("to", to.toString()));
        return period;
    }
}
