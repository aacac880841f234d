package org.opsdesk.exchange.ecbimport;

import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The ECB import page in the left navigation, after the rates. */
@Component
final class EcbImportNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN,
                "exchange-ecb-import",
                EcbImportPages.PATH,
                "exchange.public.nav.import",
                47,
                ExchangePermissions.VIEW));
    }
}
