package org.opsdesk.exchange.accounts;

import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The office's bank accounts, in the left navigation of those who may read the exchange desk. */
@Component
final class BankAccountNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN,
                "bank-accounts",
                "/exchange/bank-accounts",
                "bankAccounts.nav",
                62,
                ExchangePermissions.VIEW,
                ExchangePermissions.MANAGE));
    }
}
