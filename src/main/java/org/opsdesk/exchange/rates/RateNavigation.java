package org.opsdesk.exchange.rates;

import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The desk's rates page in the left navigation. */
@Component
final class RateNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN, "exchange-rates", "/exchange/rates", "exchange.nav.rates", 46, ExchangePermissions.VIEW));
    }
}
