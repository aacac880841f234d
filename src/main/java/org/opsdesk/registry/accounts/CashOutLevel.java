package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * {@code account.set-cash-out-level} ({@code fourEyes: handler}): a raise lets more money leave the account — a
 * fraud vector — so it needs a second person; a lowering is a safety measure and applies at once.
 */
@Component
class CashOutLevel extends RegistryAction {

    static final int MAX = 9;

    private final AccountRecords accounts;
    private final Clock clock;

    CashOutLevel(AccountRecords accounts, Clock clock) {
        super("account.set-cash-out-level");
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        int level = level(input);
        if (target != null && String.valueOf(level).equals(target.facts().get("cashOutLevel"))) {
            throw InvalidInput.of("level", "the account is at level " + level + " already");
        }
    }

    @Override
    public int requiredApprovals(ActionTarget target, ActionInput input) {
        int current = Integer.parseInt(target.facts().getOrDefault("cashOutLevel", "0"));
        return level(input) > current ? 1 : 0;
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        int level = level(invocation.input());
        var account = accounts.lockUncancelled(targetId(invocation));
        accounts.setCashOutLevel(
                account.id(),
                level,
                new Stamp(clock.instant(), invocation.maker().principalKey()));
        return new Applied(account.id().toString(), Map.of("cashOutLevel", String.valueOf(level)));
    }

    private static int level(ActionInput input) {
        long level = input.integer("level").orElseThrow(() -> InvalidInput.of("level", "is required"));
        if (level < 0 || level > MAX) {
            throw InvalidInput.of("level", "must be between 0 and " + MAX);
        }
        return (int) level;
    }
}
