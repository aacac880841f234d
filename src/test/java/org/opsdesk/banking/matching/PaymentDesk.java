package org.opsdesk.banking.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.support.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The exchange desk the matching tests use, set up through its API: AED paid in (an office account at mBank),
 * SAR/AED worked automatically and EGP/AED by hand, orders of a client paying from their own IBAN.
 */
public final class PaymentDesk {

    public static final String AUTOMATIC = "SAR";
    public static final String MANUAL = "EGP";

    private final ApiClient api;
    private final UUID aedAccount;

    /** A placed order: its id, reference and what the client pays. */
    public record Order(String id, String reference, String pay) {}

    public PaymentDesk(ApiClient api, @Nullable UUID aedAccount) {
        this.api = api;
        put("/api/v1/exchange/currencies/AED", "{\"enabled\":true,\"paymentWindow\":\"PT15M\"}");
        put("/api/v1/exchange/currencies/SAR", "{\"enabled\":true}");
        put("/api/v1/exchange/currencies/EGP", "{\"enabled\":true}");
        put("/api/v1/exchange/rates/SAR/AED", "{\"buy\":\"0.9700\",\"sell\":\"0.9800\",\"mode\":\"automatic\"}");
        put("/api/v1/exchange/rates/EGP/AED", "{\"buy\":\"0.0700\",\"sell\":\"0.0750\",\"mode\":\"manual\"}");
        this.aedAccount = aedAccount != null ? aedAccount : UUID.fromString(account("AED"));
    }

    public UUID aedAccount() {
        return aedAccount;
    }

    /** An order buying {@code base} paid with exactly {@code aed} AED from {@code payFrom}. */
    public Order order(String base, String aed, String payFrom) {
        var placed = api.post(
                "/api/v1/exchange/orders",
                """
                {"subject":"matching-client","base":"%s","quote":"AED","side":"buy",
                 "amount":{"value":"%s","currency":"AED"},
                 "payoutAccount":{"iban":"DE89370400440532013000","name":"Matching Client"},
                 "payFrom":{"iban":"%s"}}"""
                        .formatted(base, aed, payFrom));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(order.get("pay").get("value").asString()).isEqualTo(aed);
        return new Order(
                order.get("id").asString(),
                order.get("paymentReference").asString(),
                order.get("pay").get("value").asString());
    }

    public String stage(String orderId) {
        return api.get("/api/v1/exchange/orders/" + orderId).json().get("stage").asString();
    }

    /** The order's history entries, oldest first. */
    public List<JsonNode> history(String orderId) {
        var items = new ArrayList<JsonNode>();
        api.get("/api/v1/operations/" + orderId + "/history")
                .json()
                .get("items")
                .forEach(items::add);
        return items;
    }

    /** How many times the order entered {@code stage}. */
    public long entered(String orderId, String stage) {
        return history(orderId).stream()
                .filter(h -> h.path("to").path("stage").asString("").equals(stage)
                        && h.path("kind").asString().equals("transitioned"))
                .count();
    }

    public static String payer() {
        return TestIbans.polish(TestIbans.MBANK);
    }

    private String account(String currency) {
        var created = api.post(
                "/api/v1/exchange/bank-accounts",
                "{\"bankName\":\"mBank\",\"iban\":\"" + TestIbans.polish(TestIbans.MBANK) + "\",\"currency\":\""
                        + currency + "\",\"purpose\":\"both\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void put(String path, String body) {
        var response = api.put(path, body);
        assertThat(response.status()).as(path + ": " + response.body()).isIn(200, 201);
    }
}
