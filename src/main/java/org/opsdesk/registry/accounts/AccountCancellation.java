package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.pix.PixKeyStore;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code account.cancel} (irreversible, four-eyes): closes an active or suspended account for good. Refused while
 * money is left in it — a sub-account's balance or the provider's last-read balance — so that nothing is
 * stranded: the residual balance is transferred first. Its active Pix keys are cancelled with it, which frees
 * their values for other accounts.
 */
@Component
class AccountCancellation extends RegistryAction {

    private final AccountRecords accounts;
    private final SubAccountStore subAccounts;
    private final Balances balances;
    private final PixKeyStore pixKeys;
    private final Clock clock;

    AccountCancellation(
            AccountRecords accounts, SubAccountStore subAccounts, Balances balances, PixKeyStore pixKeys, Clock clock) {
        super("account.cancel");
        this.accounts = accounts;
        this.subAccounts = subAccounts;
        this.balances = balances;
        this.pixKeys = pixKeys;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var account = accounts.lockUncancelled(targetId(invocation));
        refuseWhileMoneyIsLeft(account);
        var now = clock.instant();
        accounts.setStatus(
                account.id(),
                Account.CANCELLED,
                new Stamp(now, invocation.maker().principalKey()));
        int keys = pixKeys.cancelAllOf(account.id(), now);
        return new Applied(
                account.id().toString(), Map.of("status", Account.CANCELLED, "pixKeysCancelled", String.valueOf(keys)));
    }

    private void refuseWhileMoneyIsLeft(Account account) {
        for (var sub : subAccounts.of(account.id())) {
            if (sub.balance().amount().signum() != 0) {
                throw new ActionRefused("the " + sub.kind() + " sub-account '" + sub.name() + "' still holds "
                        + sub.balance() + ": sweep it first");
            }
        }
        for (var balance : balances.of(account.id())) {
            if (balance.available().signum() != 0 || balance.blocked().signum() != 0) {
                throw new ActionRefused(
                        "the provider's last balance was " + balance.available().toPlainString()
                                + " " + balance.currency() + " available and "
                                + balance.blocked().toPlainString()
                                + " blocked: transfer the residual balance first");
            }
        }
    }
}
