package org.opsdesk.banking.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.payouts.PayoutDesk;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A statement closes the loop of a sent payout batch: its debit naming a transfer's end-to-end id completes the
 * order, a credit returning a transfer (same end-to-end id, the bank's reason code in its text) fails it with that
 * code. Through the import API, on the payout tests' desk (HKD, AUD).
 */
class PayoutStatementIntegrationTests extends IntegrationTest {

    @Test
    void aDebitConfirmsASentTransferAndACreditReturningOneFailsItsOrderEvenBesideItsDebit() {
        var desk = new PayoutDesk(api());
        ensureOperator("statement-cashier", "cashier");
        ApiClient cashier = keyOf("statement-cashier", "exchange:payouts", "exchange:view", "exchange:statements");
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        String paid = desk.waitingOrder(bank, "40.00", "Paid Out");
        String bounced = desk.waitingOrder(bank, "50.00", "Bounced Back");
        var made = cashier.post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"" + account + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String batch = made.json().get("id").asString();
        assertThat(cashier.post(PayoutDesk.BATCHES + "/" + batch + "/release", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(cashier.get(PayoutDesk.BATCHES + "/" + batch + "/file?format=csv")
                        .status())
                .isEqualTo(200);
        JsonNode items = cashier.get(PayoutDesk.BATCHES + "/" + batch).json().get("items");
        String paidE2e = endToEndOf(items, paid);
        String bouncedE2e = endToEndOf(items, bounced);
        assertThat(desk.stage(paid)).isEqualTo("payout_sent");

        String iban = api().get("/api/v1/exchange/bank-accounts/" + account)
                .json()
                .get("iban")
                .asString();
        byte[] statement = Mt940Texts.statement(iban, "HKD", "S1101", LocalDate.of(2026, 12, 2), "1000.00")
                .withEndToEnd("D", "40.00", paidE2e, "payout")
                .withEndToEnd("D", "50.00", bouncedE2e, "payout")
                .withEndToEnd("C", "50.00", bouncedE2e, "RETURN AC04 ACCOUNT CLOSED")
                .bytes();
        var imported = cashier.send(
                "POST", "/api/v1/exchange/statements", statement, "Content-Type", "application/octet-stream");

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(desk.stage(paid)).isEqualTo("completed");
        assertThat(desk.stage(bounced)).isEqualTo("payout_failed");
        JsonNode settled = cashier.get(PayoutDesk.BATCHES + "/" + batch).json();
        assertThat(settled.get("stage").asString()).isEqualTo("closed");
        assertThat(itemOf(settled.get("items"), bounced).get("settledReason").asString())
                .isEqualTo("AC04");
        assertThat(itemOf(settled.get("items"), paid).get("state").asString()).isEqualTo("CONFIRMED");
    }

    private static String endToEndOf(JsonNode items, String orderId) {
        return itemOf(items, orderId).get("endToEndId").asString();
    }

    private static JsonNode itemOf(JsonNode items, String orderId) {
        for (JsonNode item : items) {
            if (orderId.equals(item.get("orderId").asString())) {
                return item;
            }
        }
        throw new AssertionError("no item for order " + orderId + " in " + items);
    }
}
