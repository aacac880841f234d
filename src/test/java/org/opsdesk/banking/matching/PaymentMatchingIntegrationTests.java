package org.opsdesk.banking.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.matching.PaymentDesk.Order;
import org.opsdesk.banking.matching.TestStatements.Credit;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Matching an import's credits to exchange orders: the exact payment by reference confirms its order (and releases
 * the payout where the pair is automatic), everything else waits in the payments queue with its reason, rule, score
 * and evidence, read over {@code /api/v1/exchange/payments}. Entries are written as the import stores them.
 */
class PaymentMatchingIntegrationTests extends IntegrationTest {

    static final String PAYMENTS = "/api/v1/exchange/payments";

    private static UUID aedAccount;

    @Autowired
    PaymentMatching matching;

    PaymentDesk desk;

    @BeforeEach
    void desk() {
        desk = new PaymentDesk(api(), aedAccount);
        aedAccount = desk.aedAccount();
    }

    @Test
    void anExactPaymentByReferenceConfirmsItsOrderAndTheAutomaticPairReleasesThePayout() {
        String payer = PaymentDesk.payer();
        Order automatic = desk.order(PaymentDesk.AUTOMATIC, "1000.00", payer);
        Order manual = desk.order(PaymentDesk.MANUAL, "500.00", payer);
        String written = automatic.reference().toLowerCase().substring(0, 8) + "\n "
                + automatic.reference().toLowerCase().substring(8);
        var stored = store(
                new Credit("1000.00", "AED", today(), "Client", null, "EXCHANGE " + written + " THANKS"),
                new Credit("500.00", "AED", today(), "Client", null, manual.reference()));

        var outcome = matching.matchImport(stored.importId());

        assertThat(outcome).isEqualTo(new PaymentMatching.MatchOutcome(2, 0));
        assertThat(desk.stage(automatic.id())).isEqualTo("payout_pending");
        assertThat(desk.stage(manual.id())).isEqualTo("funds_received");
        JsonNode confirmed = desk.history(automatic.id()).stream()
                .filter(h -> h.path("to").path("stage").asString("").equals("funds_received"))
                .findFirst()
                .orElseThrow();
        long entry = stored.entryIds().get(0);
        assertThat(confirmed.get("reason").asString())
                .contains("rule REFERENCE", "statement entry #" + entry, "1000.00 AED");
        assertThat(confirmed.get("comment").asString()).contains(automatic.reference(), written);
        assertThat(confirmed.get("actor").get("name").asString()).isEqualTo("payment-matching");
        assertThat(entriesMatched(stored.importId())).isEqualTo(2);

        JsonNode detail = api().get(PAYMENTS + "/" + entry).json();
        assertThat(detail.get("entry").get("state").asString()).isEqualTo("MATCHED");
        assertThat(detail.get("entry").get("orderStage").asString()).isEqualTo("payout_pending");
        assertThat(detail.get("entry").get("score").asInt()).isEqualTo(100);
        assertThat(detail.get("evidence")
                        .get("references")
                        .get(0)
                        .get("asWritten")
                        .asString())
                .isEqualTo(written);
        assertThat(matching.matchImport(stored.importId()))
                .as("a second run finds nothing left to decide")
                .isEqualTo(new PaymentMatching.MatchOutcome(0, 0));
    }

    @Test
    void whatTheRulesCannotConfirmWaitsInTheQueueWithItsReasonRuleScoreAndEvidence() {
        String payer = PaymentDesk.payer();
        Order partial = desk.order(PaymentDesk.AUTOMATIC, "300.00", payer);
        Order over = desk.order(PaymentDesk.AUTOMATIC, "310.00", payer);
        Order first = desk.order(PaymentDesk.AUTOMATIC, "320.00", payer);
        Order second = desk.order(PaymentDesk.AUTOMATIC, "330.00", payer);
        Order byPayer = desk.order(PaymentDesk.MANUAL, "340.00", payer);
        var stored = store(
                new Credit("299.99", "AED", today(), "Client", payer, partial.reference()),
                new Credit("400.00", "AED", today(), "Client", payer, "for " + over.reference()),
                new Credit("320.00", "AED", today(), "Client", payer, first.reference() + " " + second.reference()),
                new Credit("12.00", "AED", today(), "Stranger", PaymentDesk.payer(), "birthday present"),
                new Credit("340.00", "AED", today(), "Client", payer, "exchange, as agreed"));

        var outcome = matching.matchImport(stored.importId());

        assertThat(outcome).isEqualTo(new PaymentMatching.MatchOutcome(0, 5));
        var ids = stored.entryIds();
        assertQueued(ids.get(0), "PARTIAL", "REFERENCE", 80, partial.id());
        assertQueued(ids.get(1), "OVERPAID", "REFERENCE", 80, over.id());
        assertQueued(ids.get(2), "AMBIGUOUS", "REFERENCE", 50, null);
        assertQueued(ids.get(3), "NO_CANDIDATE", "NONE", 0, null);
        assertQueued(ids.get(4), "NO_REFERENCE", "AMOUNT_AND_PAYER", 70, byPayer.id());
        assertThat(desk.stage(partial.id()))
                .as("nothing moves before a cashier decides")
                .isEqualTo("awaiting_payment");
        JsonNode ambiguous = api().get(PAYMENTS + "/" + ids.get(2)).json();
        assertThat(ambiguous.get("candidates"))
                .extracting(c -> c.get("orderId").asString())
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(api().get(PAYMENTS + "/" + ids.get(4))
                        .json()
                        .get("evidence")
                        .get("payerIban")
                        .asString())
                .isEqualTo(payer);

        var partials = api().get(PAYMENTS + "?state=queued&reason=partial&bankAccount=" + aedAccount + "&limit=500");
        assertThat(partials.status()).as(partials.body()).isEqualTo(200);
        assertThat(partials.json().get("items"))
                .extracting(i -> i.get("entryId").asLong())
                .contains(ids.get(0))
                .doesNotContain(ids.get(1), ids.get(2));
        assertThat(api().get(PAYMENTS + "?reason=sideways").status()).isEqualTo(422);
        assertThat(api().get(PAYMENTS + "?cursor=nonsense").status()).isEqualTo(422);
    }

    @Test
    void aPaymentForAnOrderThatExpiredIsQueuedAsLate() {
        Order order = desk.order(PaymentDesk.AUTOMATIC, "350.00", PaymentDesk.payer());
        clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> desk.stage(order.id()).equals("expired"));
        var stored = store(new Credit("350.00", "AED", today(), "Client", null, order.reference()));

        assertThat(matching.matchImport(stored.importId())).isEqualTo(new PaymentMatching.MatchOutcome(0, 1));

        assertQueued(stored.entryIds().get(0), "LATE", "REFERENCE", 80, order.id());
        assertThat(api().get(PAYMENTS + "/" + stored.entryIds().get(0))
                        .json()
                        .get("evidence")
                        .get("orderStage")
                        .asString())
                .isEqualTo("expired");
    }

    @Test
    void anOrderPaidTwiceMovesOnceAndTheOtherPaymentsWaitInTheQueue() {
        Order order = desk.order(PaymentDesk.MANUAL, "360.00", PaymentDesk.payer());
        Order other = desk.order(PaymentDesk.AUTOMATIC, "370.00", PaymentDesk.payer());
        var stored = store(
                new Credit("360.00", "AED", today(), "Client", null, order.reference()),
                new Credit("370.00", "AED", today(), "Client", null, other.reference()),
                new Credit("360.00", "AED", today(), "Client", null, "again " + order.reference()));

        // both payments of the order look certain to the rules; applied together, the second finds it paid
        assertThat(matching.matchImport(stored.importId())).isEqualTo(new PaymentMatching.MatchOutcome(2, 1));

        assertThat(desk.stage(order.id())).isEqualTo("funds_received");
        assertThat(desk.stage(other.id())).isEqualTo("payout_pending");
        assertThat(desk.history(order.id()).stream()
                        .filter(h -> h.path("to").path("stage").asString("").equals("funds_received")))
                .hasSize(1);
        var ids = stored.entryIds();
        assertThat(api().get(PAYMENTS + "/" + ids.get(0))
                        .json()
                        .get("entry")
                        .get("state")
                        .asString())
                .isEqualTo("MATCHED");
        assertQueued(ids.get(2), "NOT_AWAITING", "REFERENCE", MatchRules.AMBIGUOUS_REFERENCE, order.id());
        assertThat(api().get(PAYMENTS + "/" + ids.get(2))
                        .json()
                        .get("evidence")
                        .get("orderStage")
                        .asString())
                .isEqualTo("funds_received");

        // a later statement paying it once more: queued as well, the order left as it is
        var later = store(new Credit("360.00", "AED", today(), "Client", null, "third " + order.reference()));
        assertThat(matching.matchImport(later.importId())).isEqualTo(new PaymentMatching.MatchOutcome(0, 1));
        assertQueued(later.entryIds().get(0), "NOT_AWAITING", "REFERENCE", 50, order.id());
        assertThat(desk.stage(order.id())).isEqualTo("funds_received");
    }

    @Test
    void pagesThroughTheQueueWithItsCursor() {
        var stored = store(
                new Credit("1.00", "AED", today(), null, null, "page one"),
                new Credit("2.00", "AED", today(), null, null, "page two"),
                new Credit("3.00", "AED", today(), null, null, "page three"));
        matching.matchImport(stored.importId());

        String path = PAYMENTS + "?state=queued&reason=no-candidate&bankAccount=" + aedAccount + "&limit=1";
        var seen = new java.util.ArrayList<Long>();
        String cursor = null;
        do {
            JsonNode page = api().get(path + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(i -> seen.add(i.get("entryId").asLong()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).containsAll(stored.entryIds()).doesNotHaveDuplicates();
    }

    private void assertQueued(long entry, String reason, String rule, int score, String orderId) {
        JsonNode detail = api().get(PAYMENTS + "/" + entry).json();
        JsonNode row = detail.get("entry");
        assertThat(row.get("state").asString()).as(detail.toString()).isEqualTo("QUEUED");
        assertThat(row.get("queueReason").asString()).as(detail.toString()).isEqualTo(reason);
        assertThat(row.get("rule").asString()).isEqualTo(rule);
        assertThat(row.get("score").asInt()).isEqualTo(score);
        if (orderId == null) {
            assertThat(row.get("orderId").isNull()).isTrue();
        } else {
            assertThat(row.get("orderId").asString()).isEqualTo(orderId);
        }
        assertThat(detail.get("evidence").get("entry").get("amount").asString())
                .isEqualTo(row.get("amount").get("value").asString());
        assertThat(detail.get("decisions").get(0).get("decision").asString()).isEqualTo("QUEUED");
        assertThat(detail.get("decisions").get(0).get("reason").asString()).isEqualTo(reason);
    }

    TestStatements.Stored store(Credit... credits) {
        return TestStatements.store(jdbc, aedAccount, "AED", List.of(credits));
    }

    LocalDate today() {
        return clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private int entriesMatched(UUID importId) {
        return jdbc.sql("select entries_matched from banking.statement_import where id = ?")
                .param(importId)
                .query(Integer.class)
                .single();
    }
}
