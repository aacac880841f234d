package org.opsdesk.banking.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.payfiles.PainSchemas;
import org.opsdesk.banking.payfiles.PayoutFileFormat;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

/**
 * Payout batches over HTTP: made of exactly one account's waiting orders and refunds, one open batch per order
 * (held by the database when two are made at once), released at once below the HKD threshold and only with a
 * second person's approval above it, sent by the first download (every ISO file valid against its XSD), settled
 * by hand or by the statement hook, and an order in a batch refused its cancel until removed from it.
 */
class PayoutBatchesIntegrationTests extends IntegrationTest {

    private static final CurrencyCode HKD = new CurrencyCode("HKD", 2);

    @Autowired
    RefundInstructions refunds;

    @Autowired
    PayoutConfirmations confirmations;

    PayoutDesk desk;
    ApiClient cashier;
    ApiClient checker;

    @BeforeEach
    void desk() {
        desk = new PayoutDesk(api());
        ensureOperator("payout-cashier", "cashier");
        ensureOperator("payout-checker", "supervisor");
        cashier = keyOf(
                "payout-cashier",
                "exchange:payouts",
                "exchange:view",
                "exchange_order:view",
                "exchange_order:transition:completed");
        checker = keyOf("payout-checker", "payout_batch:approve", "payout_batch:view", "exchange:view");
    }

    @Test
    void makesTheBatchOfExactlyTheAccountsWaitingOrdersSameBankFirstAndItsOpenRefunds() {
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        String first = desk.waitingOrder(bank, "1000.00", "Anne Jensen");
        String second = desk.waitingOrder(bank, "250.50", "Zażółć Gęślą");
        String notPaidYet = desk.order(bank, "300.00", "Not Paid");
        String otherBank = PayoutDesk.bank();
        desk.account(otherBank, "HKD");
        String elsewhere = desk.waitingOrder(otherBank, "400.00", "Other Account");
        long entry = StatementEntries.entry(jdbc, UUID.fromString(account), "CREDIT", "75.00", "HKD");
        UUID refund = refunds.instruct(
                entry,
                UUID.fromString(account),
                new Money(new BigDecimal("75.00"), HKD),
                new RefundInstructions.Payee("Late Payer", PayoutDesk.iban(PayoutDesk.bank()), null, null),
                "paid after the deadline",
                Actor.system("tests"));

        var made = cashier.post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"" + account + "\"}");

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode batch = made.json();
        assertThat(made.header("Location"))
                .isEqualTo(PayoutDesk.BATCHES + "/" + batch.get("id").asString());
        assertThat(orderIds(batch)).containsExactly(first, second, null);
        assertThat(batch.get("items").get(2).get("refundId").asString()).isEqualTo(refund.toString());
        assertThat(batch.get("items").get(0).get("endToEndId").asString())
                .isEqualTo(api().get("/api/v1/exchange/orders/" + first)
                        .json()
                        .get("paymentReference")
                        .asString());
        assertThat(batch.get("total").get("value").asString()).isEqualTo("1325.50");
        assertThat(batch.get("stage").asString()).isEqualTo("open");
        assertThat(orderIds(batch)).doesNotContain(notPaidYet, elsewhere);
        assertThat(api().get("/api/v1/operations/" + batch.get("id").asString())
                        .json()
                        .get("amount")
                        .get("value")
                        .asString())
                .isEqualTo("1325.50");

        var again = cashier.post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"" + account + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("nothing-to-pay-out");
        var listed = apiWith("exchange:view").get(PayoutDesk.BATCHES + "?bankAccountId=" + account);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items").get(0).get("id").asString())
                .isEqualTo(batch.get("id").asString());
    }

    @Test
    void oneOrderIsNeverInTwoOpenBatchesEvenWhenTwoAreMadeAtOnce() throws Exception {
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        var orders = List.of(
                desk.waitingOrder(bank, "10.00", "A One"),
                desk.waitingOrder(bank, "20.00", "B Two"),
                desk.waitingOrder(bank, "30.00", "C Three"));
        var start = new CountDownLatch(1);
        var calls = new ArrayList<CompletableFuture<ApiClient.Response>>();
        for (int i = 0; i < 2; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return cashier.post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"" + account + "\"}");
            }));
        }
        start.countDown();

        var statuses = calls.stream()
                .map(CompletableFuture::join)
                .map(ApiClient.Response::status)
                .toList();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        for (String order : orders) {
            assertThat(openItems(order)).as(order).isEqualTo(1);
        }
        UUID batch = jdbc.sql("select batch_id from banking.payout_item where order_id = ?")
                .param(UUID.fromString(orders.get(0)))
                .query(UUID.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql(
                                """
                        insert into banking.payout_item (id, batch_id, position, order_id, end_to_end_id, creditor_name,
                            creditor_iban, amount, currency, remittance)
                        values (?, ?, 99, ?, 'DUPLICATE', 'x', 'DE89370400440532013000', 1, 'HKD', 'x')""")
                        .params(UUID.randomUUID(), batch, UUID.fromString(orders.get(0)))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payout_item_open_order");
    }

    @Test
    void aBatchAboveTheThresholdIsReleasedOnlyWhenASecondPersonApproves() {
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        desk.waitingOrder(bank, "8000.00", "Big One");
        desk.waitingOrder(bank, "5000.00", "Big Two");
        String id = made(account).get("id").asString();

        var asked = cashier.post(PayoutDesk.BATCHES + "/" + id + "/release", "{\"comment\":\"day's payouts\"}");

        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().get("stage").asString()).isEqualTo("open");
        String request = asked.json().get("pendingApproval").get("requestId").asString();
        var bySelf = cashier.post("/api/v1/approvals/" + request + "/approve", "{}");
        assertThat(bySelf.status()).as("the maker approving: " + bySelf.body()).isIn(403);
        assertThat(cashier.get(PayoutDesk.BATCHES + "/" + id + "/file?format=csv")
                        .status())
                .isEqualTo(409);

        var approved = checker.post("/api/v1/approvals/" + request + "/approve", "{\"comment\":\"checked\"}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
        var released = cashier.get(PayoutDesk.BATCHES + "/" + id).json();
        assertThat(released.get("stage").asString()).isEqualTo("released");
        assertThat(released.get("pendingApproval").isNull()).isTrue();
    }

    @Test
    void downloadingSendsTheBatchOnceAndEveryIsoFileValidatesAgainstItsSchema() {
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        String first = desk.waitingOrder(bank, "100.00", "Anne Jensen");
        String second = desk.waitingOrder(bank, "99.99", "Weiß Ørsted");
        String id = released(account);

        var sent = cashier.get(PayoutDesk.BATCHES + "/" + id + "/file?format=pain.001.001.03");

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.contentType()).startsWith("application/xml");
        assertThat(PainSchemas.violations(PayoutFileFormat.PAIN_001_001_03, bytes(sent)))
                .isEmpty();
        assertThat(sent.body()).contains("<CtrlSum>199.99</CtrlSum>", "<NbOfTxs>2</NbOfTxs>");
        assertThat(desk.stage(first)).isEqualTo("payout_sent");
        assertThat(desk.stage(second)).isEqualTo("payout_sent");
        var batch = cashier.get(PayoutDesk.BATCHES + "/" + id).json();
        assertThat(batch.get("stage").asString()).isEqualTo("sent");
        assertThat(batch.get("items").get(0).get("state").asString()).isEqualTo("SENT");

        var again = cashier.get(PayoutDesk.BATCHES + "/" + id + "/file?format=pain.001.001.03");
        assertThat(again.body()).isEqualTo(sent.body());
        var v09 = cashier.get(PayoutDesk.BATCHES + "/" + id + "/file?format=pain.001.001.09");
        assertThat(v09.status()).isEqualTo(200);
        assertThat(PainSchemas.violations(PayoutFileFormat.PAIN_001_001_09, bytes(v09)))
                .isEmpty();
        var csv = cashier.get(PayoutDesk.BATCHES + "/" + id + "/file?format=csv");
        assertThat(csv.body())
                .contains(batch.get("items").get(1).get("endToEndId").asString(), "Weiss Orsted");
        assertThat(desk.stage(first)).isEqualTo("payout_sent");
        var cancel = api().post(
                        "/api/v1/operations/" + first + "/transitions",
                        "{\"to\":\"cancelled\",\"reason\":\"too late\"}");
        assertThat(cancel.status()).as("no cancel once sent").isEqualTo(409);
    }

    @Test
    void sentTransfersAreConfirmedByHandOrByStatementOrReturnedAndTheBatchCloses() {
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        String byHand = desk.waitingOrder(bank, "10.00", "By Hand");
        String byStatement = desk.waitingOrder(bank, "20.00", "By Statement");
        String returned = desk.waitingOrder(bank, "30.00", "Returned");
        String id = released(account);
        assertThat(cashier.get(PayoutDesk.BATCHES + "/" + id + "/file?format=csv")
                        .status())
                .isEqualTo(200);
        JsonNode items = cashier.get(PayoutDesk.BATCHES + "/" + id).json().get("items");
        String confirm = PayoutDesk.BATCHES + "/" + id + "/items/"
                + items.get(0).get("id").asString() + "/confirm";

        var noReason = cashier.post(confirm, "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        var confirmed = cashier.post(confirm, "{\"reason\":\"bank confirmed by phone\"}");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(desk.stage(byHand)).isEqualTo("completed");
        JsonNode item = confirmed.json().get("items").get(0);
        assertThat(item.get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(item.get("settledReason").asString()).isEqualTo("bank confirmed by phone");
        assertThat(item.get("settledBy").asString()).isEqualTo("key of payout-cashier");

        UUID accountId = UUID.fromString(account);
        long debit = StatementEntries.entry(jdbc, accountId, "DEBIT", "20.00", "HKD");
        String endToEnd = items.get(1).get("endToEndId").asString();
        var wrongAmount = new Money(new BigDecimal("21.00"), HKD);
        assertThat(confirmations.confirmByStatement(debit, endToEnd, null, wrongAmount, LocalDate.now()))
                .isEmpty();
        var settled = confirmations.confirmByStatement(
                debit,
                null,
                " " + endToEnd.toLowerCase() + " ",
                new Money(new BigDecimal("20.00"), HKD),
                LocalDate.now());
        assertThat(settled).hasValueSatisfying(s -> assertThat(s.orderId()).hasToString(byStatement));
        assertThat(desk.stage(byStatement)).isEqualTo("completed");

        long back = StatementEntries.entry(jdbc, accountId, "CREDIT", "30.00", "HKD");
        assertThat(confirmations.returnedByStatement(
                        back, items.get(2).get("endToEndId").asString(), null, "AC04"))
                .isPresent();
        assertThat(desk.stage(returned)).isEqualTo("payout_failed");
        var closed = cashier.get(PayoutDesk.BATCHES + "/" + id).json();
        assertThat(closed.get("stage").asString()).isEqualTo("closed");
        assertThat(closed.get("items").get(2).get("settledReason").asString()).isEqualTo("AC04");
        assertThat(confirmations.confirmByStatement(
                        debit, endToEnd, null, new Money(new BigDecimal("20.00"), HKD), LocalDate.now()))
                .as("a transfer is confirmed once")
                .isEmpty();
    }

    @Test
    void anOrderInABatchIsNotCancelledUntilRemovedFromIt() {
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        String order = desk.waitingOrder(bank, "42.00", "Changed Mind");
        JsonNode batch = made(account);
        String item = batch.get("items").get(0).get("id").asString();
        String cancel = "{\"to\":\"cancelled\",\"reason\":\"client withdrew\"}";

        var refused = api().post("/api/v1/operations/" + order + "/transitions", cancel);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("move-refused");
        var completedAround = api().post(
                        "/api/v1/operations/" + order + "/transitions",
                        "{\"to\":\"completed\",\"reason\":\"paid in cash\"}");
        assertThat(completedAround.status()).as("no move around the batch").isEqualTo(409);
        String remove = PayoutDesk.BATCHES + "/" + batch.get("id").asString() + "/items/" + item + "/remove";
        assertThat(cashier.post(remove, "{\"reason\":\"\"}").status()).isEqualTo(422);
        var removed = cashier.post(remove, "{\"reason\":\"client withdrew\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("items").get(0).get("state").asString()).isEqualTo("REMOVED");
        assertThat(removed.json().get("stage").asString())
                .as("its last item gone")
                .isEqualTo("discarded");
        assertThat(api().post("/api/v1/operations/" + order + "/transitions", cancel)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesBadInputAsProblemsNamingTheField() {
        assertField(cashier.post(PayoutDesk.BATCHES, "{}"), "bankAccountId");
        assertField(cashier.post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"not-an-id\"}"), "bankAccountId");
        assertField(
                cashier.post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"" + UUID.randomUUID() + "\"}"), "bankAccountId");
        String bank = PayoutDesk.bank();
        String account = desk.account(bank, "HKD");
        desk.waitingOrder(bank, "5.00", "Format Check");
        String id = made(account).get("id").asString();
        assertField(cashier.get(PayoutDesk.BATCHES + "/" + id + "/file?format=pdf"), "format");
        assertField(cashier.get(PayoutDesk.BATCHES + "?limit=0"), "limit");
        assertField(cashier.get(PayoutDesk.BATCHES + "?cursor=nonsense"), "cursor");
        assertThat(apiWith("exchange:view")
                        .post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"" + account + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(cashier.get(PayoutDesk.BATCHES + "/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    private JsonNode made(String account) {
        var made = cashier.post(PayoutDesk.BATCHES, "{\"bankAccountId\":\"" + account + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json();
    }

    /** A batch of the account's waiting orders (below the HKD threshold), released by the cashier alone. */
    private String released(String account) {
        String id = made(account).get("id").asString();
        var release = cashier.post(PayoutDesk.BATCHES + "/" + id + "/release", "{}");
        assertThat(release.status()).as(release.body()).isEqualTo(200);
        assertThat(release.json().get("stage").asString()).isEqualTo("released");
        return id;
    }

    private static List<String> orderIds(JsonNode batch) {
        var ids = new ArrayList<String>();
        batch.get("items")
                .forEach(item -> ids.add(
                        item.get("orderId").isNull()
                                ? null
                                : item.get("orderId").asString()));
        return ids;
    }

    private long openItems(String order) {
        return jdbc.sql("select count(*) from banking.payout_item where order_id = ? and state in ('IN_BATCH', 'SENT')")
                .param(UUID.fromString(order))
                .query(Long.class)
                .single();
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static byte[] bytes(ApiClient.Response response) {
        return response.body().getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
