package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.registry.records.ProviderResults;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code account.sync-alias}: keeps the account's alias as the provider holds it ({@code {"alias": "…"}}, at most
 * 200 characters), with the time synced. Not offered on a cancelled account.
 */
@Component
class AliasSync extends ProviderAction {

    static final int ALIAS_MAX = 200;

    private final AccountRecords accounts;
    private final Clock clock;

    AliasSync(AccountRecords accounts, Clock clock) {
        super("account.sync-alias");
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        String alias = ProviderResults.text(providerResult, "alias");
        if (alias.length() > ALIAS_MAX) {
            throw new ActionRefused("the provider's alias is longer than " + ALIAS_MAX + " characters");
        }
        var account = accounts.lockForAction(targetId(invocation));
        accounts.setProviderAlias(
                account.id(),
                alias,
                new Stamp(clock.instant(), invocation.maker().principalKey()));
        return new Applied(account.id().toString(), Map.of("alias", alias));
    }
}
