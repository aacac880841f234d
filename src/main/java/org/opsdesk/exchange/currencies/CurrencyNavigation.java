package org.opsdesk.exchange.currencies;

import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The desk's currencies page in the left navigation. */
@Component
final class CurrencyNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN,
                "exchange-currencies",
                "/exchange/currencies",
                "exchange.nav.currencies",
                45,
                ExchangePermissions.VIEW));
    }
}
