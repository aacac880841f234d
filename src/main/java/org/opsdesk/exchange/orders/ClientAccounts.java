package org.opsdesk.exchange.orders;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;

/** What orders check of a client's account beyond its number (which {@code exchange.accounts.ClientAccount} reads). */
final class ClientAccounts {

    private ClientAccounts() {}

    /** The holder's name: 1 to 140 characters (a SEPA name's length), no control characters. */
    static String holderName(String field, @Nullable String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > 140 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of(field, "1 to 140 characters, no control characters");
        }
        return name;
    }
}
