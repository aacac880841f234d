package org.opsdesk.banking.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.matching.PaymentDesk.Order;
import org.opsdesk.banking.matching.TestStatements.Credit;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A cashier's decisions on the payments queue over HTTP — link, return, set aside, re-quote — each with a reason,
 * kept in the entry's log and the order's history; one decision per entry; and one outcome when a cashier links an
 * entry while the importer matches another payment of the same order.
 */
class PaymentsQueueIntegrationTests extends IntegrationTest {

    static final String PAYMENTS = "/api/v1/exchange/payments";

    private static UUID aedAccount;

    @Autowired
    PaymentMatching matching;

    PaymentDesk desk;
    ApiClient cashier;

    @BeforeEach
    void desk() {
        desk = new PaymentDesk(api(), aedAccount);
        aedAccount = desk.aedAccount();
        cashier = apiWith(BankingPermissions.STATEMENTS, ExchangePermissions.VIEW);
    }

    @Test
    void linkingTheOrdersAmountConfirmsItInTheCashiersNameWithTheReason() {
        String payer = PaymentDesk.payer();
        Order order = desk.order(PaymentDesk.AUTOMATIC, "410.00", payer);
        long entry = queued(new Credit("410.00", "AED", today(), "Client", payer, "exchange"));

        var linked = cashier.post(link(entry), body(order.id(), "Client confirmed the transfer by phone"));

        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("entry").get("state").asString()).isEqualTo("LINKED");
        assertThat(linked.json().get("entry").get("orderStage").asString()).isEqualTo("payout_pending");
        assertThat(desk.stage(order.id())).isEqualTo("payout_pending");
        JsonNode move = desk.history(order.id()).stream()
                .filter(h -> h.path("to").path("stage").asString("").equals("funds_received"))
                .findFirst()
                .orElseThrow();
        assertThat(move.get("reason").asString())
                .contains(
                        "in the payments queue", "statement entry #" + entry, "Client confirmed the transfer by phone");
        JsonNode decision = linked.json().get("decisions").get(1);
        assertThat(decision.get("decision").asString()).isEqualTo("LINKED");
        assertThat(decision.get("reason").asString()).isEqualTo("Client confirmed the transfer by phone");
        assertThat(decision.get("by").asString())
                .isEqualTo(move.get("actor").get("name").asString());

        var again = cashier.post(PAYMENTS + "/" + entry + "/set-aside", reason("second thoughts"));
        assertThat(again.status()).as("an entry is decided once").isEqualTo(409);
    }

    @Test
    void linkingLessThanTheAmountSendsTheOrderToPaymentMismatchAndTheRestConfirmsIt() {
        String payer = PaymentDesk.payer();
        Order order = desk.order(PaymentDesk.MANUAL, "600.00", payer);
        long first = queued(new Credit("400.00", "AED", today(), "Client", payer, order.reference()));
        long rest = queued(new Credit("200.00", "AED", today(), "Client", payer, "rest of " + order.reference()));

        assertThat(cashier.post(link(first), body(order.id(), "first instalment"))
                        .status())
                .isEqualTo(200);
        assertThat(desk.stage(order.id())).isEqualTo("payment_mismatch");
        var completed = cashier.post(link(rest), body(order.id(), "second instalment"));

        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(desk.stage(order.id())).isEqualTo("funds_received");
        assertThat(desk.history(order.id()).stream()
                        .filter(h -> h.path("to").path("stage").asString("").equals("funds_received"))
                        .findFirst()
                        .orElseThrow()
                        .get("comment")
                        .asString())
                .contains("Paid in total with the entries linked before: 600.00 AED");
    }

    @Test
    void returningAPaymentInstructsItsRefundAndSettingAsideKeepsTheReason() {
        String stranger = PaymentDesk.payer();
        long unknown = queued(new Credit("77.00", "AED", today(), "A. Stranger", stranger, "gift"));
        long odd = queued(new Credit("78.00", "AED", today(), null, null, "?"));

        var returned = cashier.post(PAYMENTS + "/" + unknown + "/return", reason("Payer unknown to the office"));
        var aside = cashier.post(PAYMENTS + "/" + odd + "/set-aside", reason("Waiting for the bank's details"));

        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("entry").get("state").asString()).isEqualTo("RETURNED");
        var refund = jdbc.sql("select amount, currency, payee_name, payee_iban, reason from banking.refund_instruction"
                        + " where entry_id = ?")
                .param(unknown)
                .query((rs, n) -> List.of(
                        rs.getBigDecimal(1).toPlainString(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .single();
        assertThat(refund).containsExactly("77.00", "AED", "A. Stranger", stranger, "Payer unknown to the office");
        assertThat(aside.status()).as(aside.body()).isEqualTo(200);
        assertThat(aside.json().get("entry").get("state").asString()).isEqualTo("SET_ASIDE");
        assertThat(aside.json().get("entry").get("decidedBy").asString()).isNotBlank();
        assertThat(aside.json().get("decisions").get(1).get("reason").asString())
                .isEqualTo("Waiting for the bank's details");
        assertThat(cashier.post(PAYMENTS + "/" + odd + "/return", reason("no")).status())
                .isEqualTo(409);
    }

    @Test
    void aDecisionNeedsAReasonTheStatementsPermissionAndAnOrderThatWaitsForPayment() {
        String payer = PaymentDesk.payer();
        Order order = desk.order(PaymentDesk.AUTOMATIC, "420.00", payer);
        long entry = queued(new Credit("420.00", "AED", today(), "Client", payer, "x"));

        var blank = cashier.post(link(entry), body(order.id(), "  "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("reason");
        assertThat(cashier.post(link(entry), "{\"reason\":\"no order\"}").body())
                .contains("orderId");
        var viewer = apiWith(ExchangePermissions.VIEW);
        assertThat(viewer.get(PAYMENTS + "/" + entry).status()).isEqualTo(200);
        assertThat(viewer.post(link(entry), body(order.id(), "not mine to decide"))
                        .status())
                .isEqualTo(403);
        assertThat(cashier.get(PAYMENTS + "/987654321098").status()).isEqualTo(404);
        long none = queued(new Credit("1.00", "AED", today(), null, null, "?"));
        assertThat(cashier.post(PAYMENTS + "/" + none + "/return", reason("back"))
                        .status())
                .as("no payer account to return it to")
                .isEqualTo(409);

        desk.history(order.id()); // the order is untouched by the refusals
        assertThat(desk.stage(order.id())).isEqualTo("awaiting_payment");
    }

    @Test
    void aLatePaymentIsRequotedAtTheCurrentRateWithTheClientsConsent() {
        Order expired = desk.order(PaymentDesk.AUTOMATIC, "430.00", PaymentDesk.payer());
        clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> desk.stage(expired.id()).equals("expired"));
        long entry = queued(new Credit("430.00", "AED", today(), "Client", null, expired.reference()));
        assertThat(cashier.post(link(entry), body(expired.id(), "late")).status())
                .as("an expired order is not linked: it is re-quoted")
                .isEqualTo(409);

        var requoted = cashier.post(
                PAYMENTS + "/" + entry + "/requote", "{\"consent\":\"Client agreed by email to today's rate\"}");

        assertThat(requoted.status()).as(requoted.body()).isEqualTo(200);
        String newOrder = requoted.json().get("entry").get("orderId").asString();
        assertThat(newOrder).isNotEqualTo(expired.id());
        assertThat(desk.stage(newOrder)).isEqualTo("payout_pending");
        assertThat(desk.stage(expired.id())).isEqualTo("expired");
        assertThat(desk.history(expired.id()).stream()
                        .map(h -> h.path("comment").asString("")))
                .anyMatch(c -> c.contains("re-quoted") && c.contains(newOrder));
        assertThat(desk.history(newOrder).stream().map(h -> h.path("reason").asString("")))
                .anyMatch(r -> r.contains(expired.reference()) && r.contains("Client agreed by email"));
        assertThat(requoted.json().get("decisions").get(1).get("decision").asString())
                .isEqualTo("REQUOTED");
    }

    @Test
    void aCashierLinkingWhileTheImporterMatchesTheSameOrderGivesOneOutcome() throws Exception {
        for (int round = 0; round < 4; round++) {
            String payer = PaymentDesk.payer();
            Order order = desk.order(PaymentDesk.AUTOMATIC, "440.00", payer);
            long guessed = queued(new Credit("440.00", "AED", today(), "Client", payer, "exchange"));
            var exact = store(new Credit("440.00", "AED", today(), "Client", payer, order.reference()));
            var start = new CountDownLatch(1);

            var link = CompletableFuture.supplyAsync(() -> {
                waitFor(start);
                return cashier.post(link(guessed), body(order.id(), "the payer's only order"));
            });
            var matched = CompletableFuture.supplyAsync(() -> {
                waitFor(start);
                return matching.matchImport(exact.importId());
            });
            start.countDown();

            int linkStatus = link.get().status();
            var outcome = matched.get();
            assertThat(desk.entered(order.id(), "funds_received"))
                    .as("round " + round)
                    .isEqualTo(1);
            assertThat(linkStatus).isIn(200, 409);
            assertThat(outcome.matched()).isEqualTo(linkStatus == 200 ? 0 : 1);
            String state = api().get(PAYMENTS + "/" + exact.entryIds().get(0))
                    .json()
                    .get("entry")
                    .get("state")
                    .asString();
            assertThat(state).isEqualTo(linkStatus == 200 ? "QUEUED" : "MATCHED");
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long queued(Credit credit) {
        var stored = store(credit);
        assertThat(matching.matchImport(stored.importId()).queued()).isEqualTo(1);
        return stored.entryIds().get(0);
    }

    private TestStatements.Stored store(Credit... credits) {
        return TestStatements.store(jdbc, aedAccount, "AED", List.of(credits));
    }

    private static String link(long entry) {
        return PAYMENTS + "/" + entry + "/link";
    }

    private static String body(String orderId, String reason) {
        return "{\"orderId\":\"" + orderId + "\",\"reason\":\"" + reason + "\"}";
    }

    private static String reason(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    private LocalDate today() {
        return clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
