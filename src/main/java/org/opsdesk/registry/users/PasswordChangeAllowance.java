package org.opsdesk.registry.users;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.opsdesk.registry.records.ProviderResults;
import org.springframework.stereotype.Component;

/**
 * {@code account.allow-password-change} (four-eyes, reason required): the provider lets one user of the account
 * change the password once more inside its 30-day cooldown — an account-takeover vector, hence a second person.
 * The provider may answer until when the allowance holds ({@code allowedUntil}), which is listed.
 */
@Component
class PasswordChangeAllowance extends ForAUserAction {

    PasswordChangeAllowance(UserOfAccount users) {
        super("account.allow-password-change", users);
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        var changes = new LinkedHashMap<String, String>();
        changes.put("passwordChange", "allowed inside the cooldown");
        changes.put("user", user(invocation));
        ProviderResults.instant(providerResult, "allowedUntil")
                .ifPresent(until -> changes.put("allowedUntil", until.toString()));
        return new Applied(targetId(invocation).toString(), changes);
    }
}
