package org.opsdesk.registry.pix;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.accounts.Account;
import org.opsdesk.registry.accounts.AccountRecords;
import org.opsdesk.registry.records.ProviderAction;
import org.opsdesk.registry.records.ProviderResults;
import org.opsdesk.registry.validation.PixKeys;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * {@code pix-key.sync}: makes the account's active Pix keys those the provider (the DICT) holds for it — {@code
 * {"keys": [{"type": "email", "value": "…"}]}}. Keys the provider has and Opsdesk lacks are added, Opsdesk's active
 * keys the provider lacks are cancelled; both are listed ({@code added}, {@code cancelled}, as {@code type:value}).
 * A key the provider lists that another account holds in Opsdesk refuses the whole sync: nothing is half-synced.
 */
@Component
class PixKeySync extends ProviderAction {

    private final AccountRecords accounts;
    private final PixKeyStore keys;
    private final Clock clock;

    PixKeySync(AccountRecords accounts, PixKeyStore keys, Clock clock) {
        super("pix-key.sync");
        this.accounts = accounts;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public @Nullable String unavailableBecause(ActionTarget target, Actor actor) {
        return target.state().equals(Account.CANCELLED) ? "the account is cancelled" : null;
    }

    private record Key(String type, String value) {
        @Override
        public String toString() {
            return type + ":" + value;
        }
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var atProvider = new LinkedHashSet<Key>();
        for (var listed : ProviderResults.objects(providerResult, "keys", true)) {
            atProvider.add(parsed(listed));
        }
        var account = accounts.lockUncancelled(targetId(invocation));
        var now = clock.instant();
        var cancelled = new ArrayList<String>();
        var kept = new LinkedHashSet<Key>();
        for (PixKey key : keys.of(account.id())) {
            if (!key.status().equals("active")) {
                continue;
            }
            Key known = new Key(key.type(), key.value());
            if (atProvider.contains(known)) {
                kept.add(known);
            } else {
                keys.cancel(key.id(), now);
                cancelled.add(known.toString());
            }
        }
        var added = new ArrayList<String>();
        for (Key key : atProvider) {
            if (kept.contains(key)) {
                continue;
            }
            var stored = new PixKey(
                    UUID.randomUUID(),
                    account.id(),
                    key.type(),
                    key.value(),
                    "active",
                    null,
                    now,
                    invocation.maker().principalKey());
            if (!keys.insert(stored)) {
                throw new ActionRefused("the provider lists the Pix key " + key + ", which another account holds");
            }
            added.add(key.toString());
        }
        var changes = new LinkedHashMap<String, String>();
        changes.put("added", added.isEmpty() ? "none" : String.join(", ", added));
        changes.put("cancelled", cancelled.isEmpty() ? "none" : String.join(", ", cancelled));
        changes.put("activeKeys", String.valueOf(atProvider.size()));
        return new Applied(account.id().toString(), changes);
    }

    /** A key as the provider lists it, normalised as Opsdesk keeps keys; a malformed one refuses the sync. */
    private static Key parsed(Map<String, Object> listed) {
        String type = ProviderResults.text(listed, "type");
        String value = ProviderResults.text(listed, "value");
        try {
            return new Key(type, PixKeys.parse("type", type, "value", value));
        } catch (InvalidInput e) {
            throw new ActionRefused("the provider lists a malformed Pix key (" + type + "): " + e.detail());
        }
    }
}
