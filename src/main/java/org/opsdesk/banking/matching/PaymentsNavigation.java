package org.opsdesk.banking.matching;

import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The payments queue, in the left navigation of those who may read the exchange desk. */
@Component
final class PaymentsNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN, "payments", "/exchange/payments", "payments.nav", 63, ExchangePermissions.VIEW));
    }
}
