package org.opsdesk.banking.balances;

import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The balances of the office's accounts in the left navigation, after the statements. */
@Component
final class BalanceNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN,
                "bank-balances",
                BalancePages.PATH,
                "banking.nav.balances",
                65,
                ExchangePermissions.VIEW));
    }
}
