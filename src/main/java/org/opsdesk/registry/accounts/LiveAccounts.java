package org.opsdesk.registry.accounts;

import org.opsdesk.registry.validation.Texts;
import org.opsdesk.shared.NotFound;
import org.springframework.stereotype.Component;

/** The live account a path names, or the 404 an unknown, malformed or deleted id answers alike. */
@Component
public class LiveAccounts {

    private final AccountRecords accounts;

    LiveAccounts(AccountRecords accounts) {
        this.accounts = accounts;
    }

    public Account get(String id) {
        return Texts.pathId(id).flatMap(accounts::find).orElseThrow(() -> new NotFound("account", id));
    }
}
