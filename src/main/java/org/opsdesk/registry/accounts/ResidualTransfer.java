package org.opsdesk.registry.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.registry.records.ProviderResults;
import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;
import org.springframework.stereotype.Component;

/**
 * {@code account.transfer-residual} (irreversible money movement, four-eyes): the provider moves what is left in
 * an account to another live account of the same holder — the step before {@code account.cancel}, which refuses
 * while money is left. Offered on active and suspended accounts; a cancelled account's money is no longer moved
 * from Opsdesk. The receiving account ({@code toAccountId}) must be another account of the same holder and not
 * cancelled, and the amount at most the available balance last read (when one was read), else 422 on the field.
 * The provider's answer may name its transfer ({@code transferId}); the balances are not touched here: the next
 * {@code account.read-balance} reads them as they are.
 */
@Component
class ResidualTransfer extends ProviderAction {

    static final String TO = "toAccountId";
    static final String AMOUNT = "amount";

    private final AccountRecords accounts;
    private final Balances balances;

    ResidualTransfer(AccountRecords accounts, Balances balances) {
        super("account.transfer-residual");
        this.accounts = accounts;
        this.balances = balances;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
    }

    @Override
    public void check(@Nullable ActionTarget target, ActionInput input, Actor actor) {
        if (target == null) {
            return;
        }
        var from = accounts.find(UUID.fromString(target.id())).orElse(null);
        if (from != null) {
            receiving(from, input);
            withinBalance(from, input);
        }
    }

    /** The receiving account, or 422 on {@code toAccountId} when it may not receive this transfer. */
    private Account receiving(Account from, ActionInput input) {
        var to = input.text(TO).flatMap(Texts::pathId).flatMap(accounts::find);
        if (to.isEmpty()) {
            throw InvalidInput.of(TO, "no such account");
        }
        Account account = to.get();
        if (account.id().equals(from.id())) {
            throw InvalidInput.of(TO, "must be another account than the one the money leaves");
        }
        if (!account.holderId().equals(from.holderId()) || !account.holderKind().equals(from.holderKind())) {
            throw InvalidInput.of(TO, "must be an account of the same holder");
        }
        if (account.cancelled()) {
            throw InvalidInput.of(TO, "the receiving account is cancelled");
        }
        return account;
    }

    private void withinBalance(Account from, ActionInput input) {
        Money amount = money(input, AMOUNT);
        balances.of(from.id()).stream()
                .filter(b -> b.currency().equals(amount.currency().code()))
                .findFirst()
                .filter(b -> amount.amount().compareTo(b.available()) > 0)
                .ifPresent(b -> {
                    throw InvalidInput.of(
                            AMOUNT,
                            "is more than the available balance last read ("
                                    + b.available().toPlainString() + " " + b.currency() + " at " + b.readAt() + ")");
                });
    }

    @Override
    protected Map<String, Object> fields(Invocation invocation) {
        var to = accounts.find(UUID.fromString(invocation.input().text(TO).orElseThrow()))
                .orElseThrow(() -> new ActionRefused("the receiving account was deleted meanwhile"));
        Money amount = money(invocation.input(), AMOUNT);
        return Map.of(
                "toAccountId", to.id().toString(),
                "toAccountNumber", to.number(),
                "amount", json(amount));
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var from = accounts.find(targetId(invocation))
                .orElseThrow(() -> new ActionRefused("the account was deleted meanwhile"));
        var to = accounts.find(UUID.fromString(invocation.input().text(TO).orElseThrow()));
        var changes = new LinkedHashMap<String, String>();
        changes.put("transferred", money(invocation.input(), AMOUNT).toString());
        changes.put(
                "to", to.map(Account::number).orElse(invocation.input().text(TO).orElseThrow()));
        ProviderResults.optionalText(providerResult, "transferId").ifPresent(id -> changes.put("transferId", id));
        return new Applied(from.id().toString(), changes);
    }
}
