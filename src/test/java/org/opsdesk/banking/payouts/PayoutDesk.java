package org.opsdesk.banking.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.opsdesk.support.ApiClient;

/**
 * The exchange desk the payout tests pay out from, set up through its own API: HKD bought with AUD, an office HKD
 * payout account per test at a bank of its own (a random German bank code), so that the orders paired with it by
 * bank are exactly that test's. Only HKD and AUD (the currencies these tests were given in the shared database).
 */
public final class PayoutDesk {

    public static final String BATCHES = "/api/v1/exchange/payout-batches";

    private static boolean payInAccount;

    private final ApiClient admin;

    public PayoutDesk(ApiClient admin) {
        this.admin = admin;
        ok(admin.put("/api/v1/exchange/currencies/HKD", "{\"enabled\":true}"));
        ok(admin.put("/api/v1/exchange/currencies/AUD", "{\"enabled\":true}"));
        ok(admin.put(
                "/api/v1/exchange/rates/HKD/AUD", "{\"buy\":\"0.1900\",\"sell\":\"0.2000\",\"mode\":\"automatic\"}"));
        if (!payInAccount) {
            account(bank(), "AUD");
            payInAccount = true;
        }
    }

    /** A bank code no other account has: the office account there pairs with clients at the same bank. */
    public static String bank() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(20_000_000, 89_999_999));
    }

    /** A German IBAN at {@code bank}, in electronic form. */
    public static String iban(String bank) {
        return PayoutIbans.german(bank);
    }

    /** An office account in {@code currency} at {@code bank} that pays out; its id. */
    public String account(String bank, String currency) {
        var created = admin.post(
                "/api/v1/exchange/bank-accounts",
                "{\"bankName\":\"Payout Bank " + bank + "\",\"iban\":\"" + iban(bank) + "\",\"currency\":\"" + currency
                        + "\",\"purpose\":\"both\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** An order receiving {@code hkd} HKD into an account at {@code bank}, moved to payout_pending; its id. */
    public String waitingOrder(String bank, String hkd, String name) {
        String id = order(bank, hkd, name);
        move(id, "funds_received");
        move(id, "payout_pending");
        return id;
    }

    public String order(String bank, String hkd, String name) {
        var placed = admin.post(
                "/api/v1/exchange/orders",
                "{\"subject\":\"payout-client\",\"base\":\"HKD\",\"quote\":\"AUD\",\"side\":\"buy\","
                        + "\"amount\":{\"value\":\"" + hkd + "\",\"currency\":\"HKD\"},"
                        + "\"payoutAccount\":{\"iban\":\"" + iban(bank) + "\",\"name\":\"" + name + "\"}}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }

    public void move(String id, String to) {
        var moved = admin.post("/api/v1/operations/" + id + "/transitions", "{\"to\":\"" + to + "\"}");
        assertThat(moved.status()).as(to + ": " + moved.body()).isEqualTo(200);
    }

    public String stage(String id) {
        return admin.get("/api/v1/operations/" + id).json().get("stage").asString();
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }
}
