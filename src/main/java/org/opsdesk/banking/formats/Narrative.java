package org.opsdesk.banking.formats;

import org.jspecify.annotations.Nullable;

/** What an MT940 :86: narrative says once its dialect is understood; any part may be missing. */
record Narrative(
        @Nullable String name,
        @Nullable String account,
        @Nullable String bic,
        @Nullable String remittance,
        @Nullable String endToEndId,
        @Nullable String bankReference) {

    Narrative {
        name = Texts.clean(name);
        account = AccountIdentifiers.normalise(Texts.clean(account));
        bic = AccountIdentifiers.normalise(Texts.clean(bic));
        remittance = Texts.clean(remittance);
        endToEndId = Texts.clean(endToEndId);
        bankReference = Texts.clean(bankReference);
    }
}
