package org.opsdesk.banking.payouts;

import java.util.List;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.NavigationContributor;
import org.opsdesk.shared.NavigationEntry;
import org.opsdesk.shared.NavigationEntry.Section;
import org.springframework.stereotype.Component;

/** The payout batches, in the left navigation beside the exchange desk's bank accounts. */
@Component
final class PayoutNavigation implements NavigationContributor {

    @Override
    public List<NavigationEntry> navigation() {
        return List.of(NavigationEntry.of(
                Section.MAIN,
                "payouts",
                "/exchange/payouts",
                "payouts.nav",
                63,
                ExchangePermissions.VIEW,
                BankingPermissions.PAYOUTS));
    }
}
