package org.opsdesk.bench.exchange;

import static org.opsdesk.bench.Bench.log;

import org.opsdesk.bench.http.ApiRequests;
import org.opsdesk.exchange.accounts.TestIbans;

/**
 * The desk the quote + accept benchmark orders from, configured through the API as an office would: EUR and PLN
 * enabled with limits far beyond the orders' 100.00 EUR, the pair EUR/PLN with a rate (fresh for the whole run:
 * the maximum age is a day), and one office account in each currency to be paid into and to pay out from.
 */
final class DeskSetup {

    static final String PAIR = "EUR/PLN";
    static final String LIMITS =
            "{\"enabled\":true,\"minAmount\":\"1\",\"maxAmount\":\"1000000\",\"paymentWindow\":\"PT15M\"}";

    private DeskSetup() {}

    static void configure(ApiRequests api) throws Exception {
        api.send("PUT", "/api/v1/exchange/currencies/EUR", LIMITS);
        api.send("PUT", "/api/v1/exchange/currencies/PLN", LIMITS);
        api.send("PUT", "/api/v1/exchange/rates/EUR/PLN", "{\"buy\":\"4.2000\",\"sell\":\"4.3000\"}");
        for (String currency : new String[] {"EUR", "PLN"}) {
            api.send(
                    "POST",
                    "/api/v1/exchange/bank-accounts",
                    "{\"bankName\":\"PKO BP\",\"iban\":\"" + TestIbans.polish(TestIbans.PKO) + "\",\"currency\":\""
                            + currency + "\",\"purpose\":\"both\"}");
        }
        log("desk configured: EUR and PLN enabled (1 to 1,000,000), EUR/PLN at 4.2000/4.3000, an office account in"
                + " each");
    }
}
