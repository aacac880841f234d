package org.opsdesk.exchange.orders;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.orders.DeskTerms.ClientAccount;
import org.opsdesk.exchange.orders.OrderDraft.AccountDraft;
import org.opsdesk.shared.Iban;
import org.opsdesk.shared.InvalidInput;

/** A client's account from what was typed: exactly one of an IBAN (checked) or a domestic account number. */
final class ClientAccounts {

    private ClientAccounts() {}

    static ClientAccount parse(String field, AccountDraft typed) {
        boolean hasIban = typed.iban() != null && !typed.iban().isBlank();
        boolean hasNumber =
                typed.accountNumber() != null && !typed.accountNumber().isBlank();
        if (hasIban == hasNumber) {
            throw InvalidInput.of(field, "give exactly one of iban or accountNumber");
        }
        String bic = typed.bic() == null || typed.bic().isBlank() ? null : Iban.parseBic(field + ".bic", typed.bic());
        if (hasIban) {
            return new ClientAccount(Iban.parse(field + ".iban", typed.iban()), null, bic);
        }
        return new ClientAccount(null, accountNumber(field + ".accountNumber", typed.accountNumber()), bic);
    }

    /** Spaces and dashes dropped, letters upper-cased; 4 to 34 letters and digits (the longest IBAN's length). */
    static String accountNumber(String field, @Nullable String typed) {
        String compact = typed == null
                ? ""
                : typed.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (!compact.matches("[A-Z0-9]{4,34}")) {
            throw InvalidInput.of(field, "4 to 34 letters and digits (spaces and dashes are ignored)");
        }
        return compact;
    }

    /** The holder's name: 1 to 140 characters (a SEPA name's length), no control characters. */
    static String holderName(String field, @Nullable String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > 140 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of(field, "1 to 140 characters, no control characters");
        }
        return name;
    }
}
