package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An action that moves an account from some statuses to another and does nothing else (suspend, lift). */
class StatusChange extends RegistryAction {

    private final Set<String> from;
    private final String to;
    private final AccountRecords accounts;
    private final Clock clock;

    StatusChange(String actionId, Set<String> from, String to, AccountRecords accounts, Clock clock) {
        super(actionId);
        this.from = Set.copyOf(from);
        this.to = to;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return from.contains(target.state()) ? null : "the account is " + target.state();
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var id = targetId(invocation);
        if (!accounts.moveStatus(
                id, from, to, new Stamp(clock.instant(), invocation.maker().principalKey()))) {
            // not moved: say why, as the account stands now
            var account = accounts.find(id).orElseThrow(() -> new ActionRefused("the account was deleted meanwhile"));
            throw new ActionRefused("the account is " + account.status());
        }
        return new Applied(id.toString(), Map.of("status", to));
    }

    @Configuration(proxyBeanMethods = false)
    static class Declared {

        @Bean
        StatusChange accountSuspension(AccountRecords accounts, Clock clock) {
            return new StatusChange("account.suspend", Set.of(Account.ACTIVE), Account.SUSPENDED, accounts, clock);
        }

        @Bean
        StatusChange accountSuspensionLift(AccountRecords accounts, Clock clock) {
            return new StatusChange(
                    "account.lift-suspension", Set.of(Account.SUSPENDED), Account.ACTIVE, accounts, clock);
        }
    }
}
