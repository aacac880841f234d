package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.support.ApiClient;

/**
 * The desk the portal's ordering tests quote from: EUR (30 minutes to pay) and PLN enabled, EUR/PLN at buy 4.2000
 * and sell 4.3000, and an office account in euros to pay into.
 */
final class EuroZlotyDesk {

    private EuroZlotyDesk() {}

    static void open(ApiClient api) {
        assertThat(api.put("/api/v1/exchange/currencies/EUR", "{\"enabled\":true,\"paymentWindow\":\"PT30M\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/exchange/currencies/PLN", "{\"enabled\":true}")
                        .status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/exchange/rates/EUR/PLN", "{\"buy\":\"4.2000\",\"sell\":\"4.3000\"}")
                        .status())
                .isEqualTo(200);
        var account = api.post(
                "/api/v1/exchange/bank-accounts",
                "{\"bankName\":\"PKO BP\",\"iban\":\"" + TestIbans.polish(TestIbans.PKO)
                        + "\",\"currency\":\"EUR\",\"purpose\":\"both\"}");
        assertThat(account.status()).as(account.body()).isEqualTo(201);
    }
}
