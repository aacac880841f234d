package org.opsdesk.registry.users;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.Applied;
import org.opsdesk.actions.Invocation;
import org.springframework.stereotype.Component;

/**
 * {@code account.reset-transaction-pin}: asks the provider to send one of the account's users a one-time link or
 * code by which the user sets a new transaction PIN ({@code channel}: email or sms, to the contact the provider
 * holds). Opsdesk never sees, sends or keeps a PIN or the code: the request names the user and the channel only,
 * whatever the provider answers is not kept, and the history records only that a reset was issued.
 */
@Component
class TransactionPinReset extends ForAUserAction {

    TransactionPinReset(UserOfAccount users) {
        super("account.reset-transaction-pin", users);
    }

    @Override
    Map<String, Object> more(Invocation invocation) {
        return Map.of("channel", channel(invocation));
    }

    @Override
    public Applied apply(Invocation invocation, @Nullable Map<String, Object> providerResult) {
        return new Applied(
                targetId(invocation).toString(),
                Map.of(
                        "transactionPin", "reset issued",
                        "user", user(invocation),
                        "channel", channel(invocation)));
    }

    private static String channel(Invocation invocation) {
        return invocation.input().text("channel").orElse("email");
    }
}
