package org.opsdesk.banking.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.payouts.PayoutDesk;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A bank may return a transfer days after a statement booked it (issue 13: "a returned payout → payout_failed with
 * the bank's reason code"): the order that the debit completed fails when the next statement's credit returns the
 * transfer, with the reason code in its history. Through the import API, on a QAR desk.
 */
class ReturnedPayoutIntegrationTests extends IntegrationTest {

    private static final String IMPORTS = "/api/v1/exchange/statements";
    private static final String OCTETS = "Content-Type";
    private static final String BINARY = "application/octet-stream";

    @Test
    void aTransferReturnedAfterItsDebitCompletedTheOrderFailsTheOrderWithTheBanksReasonCode() {
        var desk = new QarDesk(api());
        ensureOperator("gap-return-cashier", "cashier");
        ApiClient cashier = keyOf("gap-return-cashier", "exchange:payouts", "exchange:view", "exchange:statements");
        String bank = PayoutDesk.bank();
        var account = desk.account(bank, "QAR");
        String order = desk.waitingOrder(bank, "70.00", "Returned Later");
        JsonNode batch = desk.sentBatch(cashier, account.id());
        String endToEnd =
                QarDesk.itemOf(batch.get("items"), order).get("endToEndId").asString();

        var booked = Mt940Texts.statement(account.iban(), "QAR", "R101", LocalDate.of(2026, 12, 3), "500.00")
                .withEndToEnd("D", "70.00", endToEnd, "payout");
        var first = cashier.send("POST", IMPORTS, booked.bytes(), OCTETS, BINARY);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(desk.stage(order)).isEqualTo("completed");

        byte[] returned = Mt940Texts.statement(
                        account.iban(),
                        "QAR",
                        "R102",
                        LocalDate.of(2026, 12, 7),
                        booked.closing().toPlainString())
                .withEndToEnd("C", "70.00", endToEnd, "RETURN MS03 REASON NOT SPECIFIED")
                .bytes();
        var second = cashier.send("POST", IMPORTS, returned, OCTETS, BINARY);

        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("warnings")).isEmpty();
        assertThat(desk.stage(order)).isEqualTo("payout_failed");
        JsonNode item = QarDesk.itemOf(
                cashier.get(PayoutDesk.BATCHES + "/" + batch.get("id").asString())
                        .json()
                        .get("items"),
                order);
        assertThat(item.get("state").asString()).isEqualTo("RETURNED");
        assertThat(item.get("settledReason").asString()).isEqualTo("MS03");
        String history = api().get("/api/v1/operations/" + order + "/history").body();
        assertThat(history).contains("payout returned by the bank after its completion: MS03");
        var queued = cashier.get("/api/v1/exchange/payments?state=all&importId="
                + second.json().get("importId").asString());
        assertThat(queued.json().get("items"))
                .as("the return settled the payout: no payment to match")
                .isEmpty();
    }

    @Test
    void aTransferACashierConfirmedByHandAndTheBankThenReturnedFailsTheOrder() {
        var desk = new QarDesk(api());
        ensureOperator("gap-return-cashier", "cashier");
        ApiClient cashier = keyOf(
                "gap-return-cashier",
                "exchange:payouts",
                "exchange:view",
                "exchange:statements",
                "exchange_order:transition:completed");
        String bank = PayoutDesk.bank();
        var account = desk.account(bank, "QAR");
        String order = desk.waitingOrder(bank, "45.00", "Confirmed By Hand");
        JsonNode batch = desk.sentBatch(cashier, account.id());
        JsonNode item = QarDesk.itemOf(batch.get("items"), order);
        var confirmed = cashier.post(
                PayoutDesk.BATCHES + "/" + batch.get("id").asString() + "/items/"
                        + item.get("id").asString() + "/confirm",
                "{\"reason\":\"the bank's portal shows the transfer booked\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(desk.stage(order)).isEqualTo("completed");

        byte[] returned = Mt940Texts.statement(account.iban(), "QAR", "R201", LocalDate.of(2026, 12, 8), "300.00")
                .withEndToEnd("C", "45.00", item.get("endToEndId").asString(), "RUECKUEBERWEISUNG AC04")
                .bytes();
        var imported = cashier.send("POST", IMPORTS, returned, OCTETS, BINARY);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(desk.stage(order)).isEqualTo("payout_failed");
        assertThat(api().get("/api/v1/operations/" + order + "/history").body())
                .contains("payout returned by the bank after its completion: AC04");
    }
}
