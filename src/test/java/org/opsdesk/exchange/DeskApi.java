package org.opsdesk.exchange;

import org.opsdesk.support.ApiClient;

/** Request bodies and calls of the desk's currencies and rates API, for the tests. */
final class DeskApi {

    private DeskApi() {}

    static String currency(boolean enabled, String min, String max, String window) {
        return "{\"enabled\":" + enabled + ",\"minAmount\":" + text(min) + ",\"maxAmount\":" + text(max)
                + ",\"paymentWindow\":" + text(window) + "}";
    }

    static String rate(String buy, String sell) {
        return "{\"buy\":" + text(buy) + ",\"sell\":" + text(sell) + "}";
    }

    static ApiClient.Response enable(ApiClient api, String code) {
        var response = api.put("/api/v1/exchange/currencies/" + code, currency(true, null, null, null));
        if (response.status() != 200) {
            throw new AssertionError("enable " + code + ": " + response.status() + " " + response.body());
        }
        return response;
    }

    static ApiClient.Response setRate(ApiClient api, String base, String quote, String buy, String sell) {
        return api.put("/api/v1/exchange/rates/" + base + "/" + quote, rate(buy, sell));
    }

    private static String text(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
