package org.opsdesk.registry.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.pix.PixKeyStore;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.registry.records.ProviderResults;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code account.sync-status}: takes the account's status as the provider holds it ({@code {"status":
 * "suspended"}}), the record of truth for the real account. The change is listed ({@code status}, {@code
 * previousStatus}); an account the provider closed has its Pix keys cancelled as {@code account.cancel} does. A
 * cancelled account is never revived by a sync: the provider saying otherwise is refused, for a person to look at.
 */
@Component
class StatusSync extends ProviderAction {

    private static final Set<String> STATUSES = Set.of(Account.ACTIVE, Account.SUSPENDED, Account.CANCELLED);

    private final AccountRecords accounts;
    private final PixKeyStore pixKeys;
    private final Clock clock;

    StatusSync(AccountRecords accounts, PixKeyStore pixKeys, Clock clock) {
        super("account.sync-status");
        this.accounts = accounts;
        this.pixKeys = pixKeys;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return null;
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        String status = ProviderResults.text(providerResult, "status");
        if (!STATUSES.contains(status)) {
            throw new ActionRefused("the provider reports the status '" + status + "', which Opsdesk does not know");
        }
        var account = accounts.lockForAction(targetId(invocation));
        String previous = account.status();
        if (previous.equals(status)) {
            return new Applied(account.id().toString(), Map.of("status", status + " (unchanged)"));
        }
        if (account.cancelled()) {
            throw new ActionRefused("the provider reports " + status + " for an account cancelled in Opsdesk");
        }
        var stamp = new Stamp(clock.instant(), invocation.maker().principalKey());
        accounts.setStatus(account.id(), status, stamp);
        if (status.equals(Account.CANCELLED)) {
            int cancelled = pixKeys.cancelAllOf(account.id(), stamp.at());
            return new Applied(
                    account.id().toString(),
                    Map.of(
                            "status",
                            status,
                            "previousStatus",
                            previous,
                            "pixKeysCancelled",
                            String.valueOf(cancelled)));
        }
        return new Applied(account.id().toString(), Map.of("status", status, "previousStatus", previous));
    }
}
