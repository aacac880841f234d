package org.opsdesk.banking.uploads;

import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The statement import in the left navigation of those who may read the exchange desk, after the bank accounts. */
@Component
final class StatementNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN,
                "bank-statements",
                StatementUploadPages.PATH,
                "banking.nav.statements",
                64,
                ExchangePermissions.VIEW));
    }
}
