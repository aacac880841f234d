package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.matching.PaymentDesk;
import org.opsdesk.banking.matching.PaymentMatching;
import org.opsdesk.banking.matching.TestStatements;
import org.opsdesk.banking.matching.TestStatements.Credit;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payments queue's console pages as a cashier uses them (session and CSRF token): the queue, an entry with its
 * raw text, evidence and candidates, a decision refused beside its form in the operator's language, a decision
 * taken, and a second decision refused as a conflict; a reader sees no decision forms.
 */
class PaymentsPagesIntegrationTests extends SignInTestSupport {

    private static UUID aedAccount;

    @Autowired
    PaymentMatching matching;

    private PaymentDesk desk;

    @BeforeEach
    void desk() {
        desk = new PaymentDesk(api(), aedAccount);
        aedAccount = desk.aedAccount();
    }

    @Test
    void aCashierReadsTheEvidenceAndLinksAPaymentWithAReason() {
        String payer = PaymentDesk.payer();
        var order = desk.order(PaymentDesk.MANUAL, "455.00", payer);
        var stored = TestStatements.store(
                jdbc,
                aedAccount,
                "AED",
                List.of(new Credit(
                        "455.00",
                        "AED",
                        clock().instant().atZone(ZoneOffset.UTC).toLocalDate(),
                        "Cliente",
                        payer,
                        "troca de moeda")));
        matching.matchImport(stored.importId());
        long entry = stored.entryIds().get(0);
        var cashier = signedInAs(operatorSpeaking(
                "pl", roleWithoutMfa("payments-queue-cashier", "exchange:view", "exchange:statements")));

        var queue = cashier.get("/exchange/payments?reason=NO_REFERENCE&bankAccount=" + aedAccount);
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.html().select("tr[data-entry=" + entry + "]")).hasSize(1);
        var page = cashier.get("/exchange/payments/" + entry);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#payment-raw").text()).contains("troca de moeda");
        assertThat(page.html().selectFirst("#payment-evidence").text()).contains(payer);
        assertThat(page.html().select("#payment-candidates tr[data-order=" + order.id() + "]"))
                .hasSize(1);

        var blank = cashier.post("/exchange/payments/" + entry + "/link", "orderId", order.id(), "reason", " ");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.html().selectFirst("#link-reason-error").text()).contains("Podaj powód");
        assertThat(desk.stage(order.id())).isEqualTo("awaiting_payment");

        var linked = cashier.post(
                "/exchange/payments/" + entry + "/link", "orderId", order.id(), "reason", "Klient potwierdził");
        assertThat(linked.status()).isEqualTo(302);
        assertThat(desk.stage(order.id())).isEqualTo("funds_received");
        var after = cashier.get("/exchange/payments/" + entry);
        assertThat(after.html().select("#payment-decisions")).isEmpty();
        assertThat(after.html().select("#payment-log tr[data-decision=LINKED]").text())
                .contains("Klient potwierdził");

        var again = cashier.post("/exchange/payments/" + entry + "/set-aside", "reason", "jeszcze raz");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html().selectFirst("#decision-error").text()).contains("już rozstrzygnięta");
    }

    @Test
    void aReaderSeesTheEntryButNoDecision() {
        var stored = TestStatements.store(
                jdbc,
                aedAccount,
                "AED",
                List.of(new Credit(
                        "5.00", "AED", clock().instant().atZone(ZoneOffset.UTC).toLocalDate(), null, null, "unknown")));
        matching.matchImport(stored.importId());
        var reader = signedInAs(operator(roleWithoutMfa("payments-queue-reader", "exchange:view")));

        var page = reader.get("/exchange/payments/" + stored.entryIds().get(0));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#payment-decisions")).isEmpty();
        assertThat(reader.post("/exchange/payments/" + stored.entryIds().get(0) + "/set-aside", "reason", "x")
                        .status())
                .isEqualTo(403);
    }
}
