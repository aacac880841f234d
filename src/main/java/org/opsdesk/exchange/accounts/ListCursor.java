package org.opsdesk.exchange.accounts;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Keyset;

/** The cursor of the accounts list: the currency, bank name and id of the last account of a page. */
final class ListCursor {

    private ListCursor() {}

    static String after(BankAccount last) {
        return Keyset.cursor(last.currency(), last.bankName(), last.id());
    }

    /** The position in a cursor this list gave out, null for the first page; else 422 on {@code cursor}. */
    static BankAccountStore.@Nullable Position read(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        var parts = Keyset.parts(cursor, 3);
        try {
            return new BankAccountStore.Position(parts.get(0), parts.get(1), UUID.fromString(parts.get(2)));
        } catch (IllegalArgumentException e) {
            throw Keyset.invalidCursor();
        }
    }
}
