package org.opsdesk.bench.statements;

import org.opsdesk.bench.Bench;
import org.opsdesk.bench.http.ApiRequests;

/** The desk of the statement benchmark, configured through the API: PLN and EUR, EUR/PLN, an account in each. */
record Desk(String plnAccount, String plnIban, String eurAccount, String warmUpIban) {

    static Desk configure(ApiRequests api) throws Exception {
        String limits = "{\"enabled\":true,\"minAmount\":\"1\",\"maxAmount\":\"1000000\",\"paymentWindow\":\"PT15M\"}";
        api.send("PUT", "/api/v1/exchange/currencies/EUR", limits);
        api.send("PUT", "/api/v1/exchange/currencies/PLN", limits);
        api.send(
                "PUT",
                "/api/v1/exchange/rates/EUR/PLN",
                "{\"buy\":\"4.2000\",\"sell\":\"4.3000\",\"mode\":\"automatic\"}");
        String plnIban = Ibans.polish(7_000_000_001L);
        String pln = account(api, plnIban, "PLN");
        String eur = account(api, Ibans.polish(7_000_000_002L), "EUR");
        String warmUpIban = Ibans.polish(7_000_000_003L);
        account(api, warmUpIban, "PLN");
        return new Desk(pln, plnIban, eur, warmUpIban);
    }

    private static String account(ApiRequests api, String iban, String currency) throws Exception {
        String body = api.send(
                "POST",
                "/api/v1/exchange/bank-accounts",
                "{\"bankName\":\"PKO BP\",\"iban\":\"" + iban + "\",\"currency\":\"" + currency
                        + "\",\"purpose\":\"both\"}");
        return Bench.JSON.readTree(body).get("id").asString();
    }
}
