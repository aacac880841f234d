package org.opsdesk.exchange.accounts;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Iban;

/** A new account's values after every check: normalised, with exactly one of the two kinds of number. */
record ValidAccount(
        String bankName,
        @Nullable String bic,
        @Nullable Iban iban,
        @Nullable AccountNumber accountNumber,
        String currency,
        Purpose purpose) {

    String number() {
        return iban != null ? iban.value() : accountNumber.value();
    }

    /** The field that holds the number, for a refusal that names it. */
    String numberField() {
        return iban != null ? "iban" : "accountNumber";
    }
}
