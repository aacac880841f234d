package org.opsdesk.registry.accounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.validation.FieldCheck;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.springframework.stereotype.Component;

/** {@code sub-account.create}: an escrow, financing or wallet sub-account of an active account, at a zero balance. */
@Component
class SubAccountCreation extends RegistryAction {

    /** More would make the record page a list to scroll; the provider's own limit is of this order. */
    static final int MAX_PER_ACCOUNT = 20;

    private static final Set<String> KINDS = Set.of("escrow", "financing", "wallet");

    private final AccountRecords accounts;
    private final SubAccountStore subAccounts;
    private final Clock clock;

    SubAccountCreation(AccountRecords accounts, SubAccountStore subAccounts, Clock clock) {
        super("sub-account.create");
        this.accounts = accounts;
        this.subAccounts = subAccounts;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.ACTIVE) ? null : "the account is " + target.state();
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        read(input);
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var fields = read(invocation.input());
        var account = accounts.lockActive(targetId(invocation));
        if (subAccounts.count(account.id()) >= MAX_PER_ACCOUNT) {
            throw new ActionRefused("the account has " + MAX_PER_ACCOUNT + " sub-accounts already");
        }
        var sub = new SubAccount(
                UUID.randomUUID(),
                account.id(),
                fields[0],
                fields[1],
                new Money(BigDecimal.ZERO, BRL),
                clock.instant(),
                invocation.maker().principalKey());
        subAccounts.insert(sub);
        return new Applied(
                account.id().toString(),
                Map.of("subAccount", sub.id().toString(), "kind", sub.kind(), "name", sub.name()));
    }

    /** The kind and the name. */
    private static String[] read(ActionInput input) {
        var check = new FieldCheck();
        String kind = input.text("kind").orElse("");
        if (!KINDS.contains(kind)) {
            check.refuse("kind", "must be one of escrow, financing, wallet");
        }
        String name = check.take(() -> Texts.required("name", input.text("name").orElse(null), 100));
        check.done();
        return new String[] {kind, name};
    }
}
