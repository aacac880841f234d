package org.opsdesk.registry.accounts;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;
import org.springframework.stereotype.Component;

/**
 * {@code sub-account.sweep}: the provider moves an amount of a sub-account's balance to its main account; once it
 * is done the sub-account's balance is debited by it. The amount is at most the sub-account's balance and in its
 * currency (else 422 on {@code amount}); four-eyes above the declared threshold. Not offered when the balance is
 * zero, nor on a cancelled account's sub-accounts.
 */
@Component
class SubAccountSweep extends ProviderAction {

    static final String AMOUNT = "amount";

    private final SubAccountStore subAccounts;

    SubAccountSweep(SubAccountStore subAccounts) {
        super("sub-account.sweep");
        this.subAccounts = subAccounts;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        if (target.state().equals(Account.CANCELLED)) {
            return "the account is cancelled";
        }
        return subAccounts
                        .find(UUID.fromString(target.id()))
                        .filter(sub -> sub.balance().amount().signum() > 0)
                        .isPresent()
                ? null
                : "the sub-account's balance is zero";
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        if (target != null) {
            subAccounts.find(UUID.fromString(target.id())).ifPresent(sub -> within(sub, money(input, AMOUNT)));
        }
    }

    private static void within(SubAccount sub, Money amount) {
        if (!amount.currency().code().equals(sub.balance().currency().code())) {
            throw InvalidInput.of(
                    AMOUNT,
                    "must be in the sub-account's currency, "
                            + sub.balance().currency().code());
        }
        if (amount.amount().compareTo(sub.balance().amount()) > 0) {
            throw InvalidInput.of(AMOUNT, "is more than the sub-account's balance, " + sub.balance());
        }
    }

    @Override
    protected Map<String, Object> fields(Invocation invocation) {
        Money amount = money(invocation.input(), AMOUNT);
        return Map.of(
                "subAccountId", target(invocation).id(),
                "amount", json(amount));
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var sub = subAccounts
                .lock(targetId(invocation))
                .orElseThrow(() -> new ActionRefused("the sub-account was deleted meanwhile"));
        Money amount = money(invocation.input(), AMOUNT);
        // the provider moved it already: the record follows, and a shortfall (the balance changed meanwhile) is
        // listed for a person to reconcile rather than hidden or refused
        var debited = amount.amount().min(sub.balance().amount());
        subAccounts.debit(sub.id(), debited);
        var after = new Money(
                sub.balance().amount().subtract(debited), sub.balance().currency());
        var changes = new java.util.LinkedHashMap<String, String>();
        changes.put("swept", amount.toString());
        changes.put("to", sub.accountId().toString());
        changes.put("balance", after.toString());
        if (debited.compareTo(amount.amount()) < 0) {
            changes.put("shortfall", amount.amount().subtract(debited).toPlainString() + " to reconcile");
        }
        return new Applied(sub.id().toString(), changes);
    }
}
