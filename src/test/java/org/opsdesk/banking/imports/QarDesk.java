package org.opsdesk.banking.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.opsdesk.banking.payouts.PayoutDesk;
import org.opsdesk.banking.payouts.PayoutIbans;
import org.opsdesk.support.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The desk these import tests pay out from, through its own API: QAR bought with PEN (worked automatically), an
 * office QAR account per test at a bank of its own. Only QAR and PEN (the currencies these tests were given in the
 * shared database); batches up to 10,000.00 QAR need no second person (the tests' configuration).
 */
final class QarDesk {

    private static boolean payInAccount;

    private final ApiClient admin;

    QarDesk(ApiClient admin) {
        this.admin = admin;
        ok(admin.put("/api/v1/exchange/currencies/QAR", "{\"enabled\":true}"));
        ok(admin.put("/api/v1/exchange/currencies/PEN", "{\"enabled\":true}"));
        ok(admin.put(
                "/api/v1/exchange/rates/QAR/PEN", "{\"buy\":\"0.9000\",\"sell\":\"0.9500\",\"mode\":\"automatic\"}"));
        if (!payInAccount) {
            account(PayoutDesk.bank(), "PEN");
            payInAccount = true;
        }
    }

    /** An office account in {@code currency} at {@code bank}, paying in and out; its id and IBAN. */
    Account account(String bank, String currency) {
        String iban = PayoutIbans.german(bank);
        var created = admin.post(
                "/api/v1/exchange/bank-accounts",
                "{\"bankName\":\"Gap Bank " + bank + "\",\"iban\":\"" + iban + "\",\"currency\":\"" + currency
                        + "\",\"purpose\":\"both\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Account(created.json().get("id").asString(), iban);
    }

    record Account(String id, String iban) {}

    /** An order receiving {@code qar} QAR into an account at {@code bank}, moved to payout_pending; its id. */
    String waitingOrder(String bank, String qar, String name) {
        var placed = admin.post(
                "/api/v1/exchange/orders",
                "{\"subject\":\"gap-returns-client\",\"base\":\"QAR\",\"quote\":\"PEN\",\"side\":\"buy\","
                        + "\"amount\":{\"value\":\"" + qar + "\",\"currency\":\"QAR\"},"
                        + "\"payoutAccount\":{\"iban\":\"" + PayoutIbans.german(bank) + "\",\"name\":\"" + name
                        + "\"}}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String id = placed.json().get("id").asString();
        move(id, "funds_received");
        move(id, "payout_pending");
        return id;
    }

    /** Makes, releases and sends (downloads) the account's batch; its items. */
    JsonNode sentBatch(ApiClient cashier, String accountId) {
        var made = cashier.post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"" + accountId + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String batch = made.json().get("id").asString();
        var released = cashier.post(PayoutDesk.BATCHES + "/" + batch + "/release", "{}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(cashier.get(PayoutDesk.BATCHES + "/" + batch + "/file?format=csv")
                        .status())
                .isEqualTo(200);
        return cashier.get(PayoutDesk.BATCHES + "/" + batch).json();
    }

    void move(String id, String to) {
        var moved = admin.post("/api/v1/operations/" + id + "/transitions", "{\"to\":\"" + to + "\"}");
        assertThat(moved.status()).as(to + ": " + moved.body()).isEqualTo(200);
    }

    String stage(String id) {
        return admin.get("/api/v1/operations/" + id).json().get("stage").asString();
    }

    static JsonNode itemOf(JsonNode items, String orderId) {
        for (JsonNode item : items) {
            if (orderId.equals(item.get("orderId").asString())) {
                return item;
            }
        }
        throw new AssertionError("no item for order " + orderId + " in " + items);
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }
}
