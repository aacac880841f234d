package org.opsdesk.banking.formats;

import org.jspecify.annotations.Nullable;

/**
 * The other side of an entry as the bank reports it: the payer of a credit, the payee of a debit. Each part may be
 * missing (fees, interest, legacy narratives); the IBAN is normalised (no spaces, upper case) but not validated —
 * banks report domestic account numbers here too.
 */
public record Counterparty(@Nullable String name, @Nullable String iban, @Nullable String bic) {

    /** No counterparty reported. */
    public static final Counterparty NONE = new Counterparty(null, null, null);

    public Counterparty {
        name = Texts.clean(name);
        iban = AccountIdentifiers.normalise(iban);
        bic = AccountIdentifiers.normalise(bic);
    }
}
