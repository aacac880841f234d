package org.opsdesk.banking.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.payouts.PayoutDesk;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.portal.PortalClients;
import org.opsdesk.portal.VerifiedPerson;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Matching's second rule (amount + currency + payer IBAN) recognises a payment from an account the client registered
 * in the portal — not only from the IBAN given on the order: a statement imported through the API whose credit
 * carries no reference, from the client's registered account, for the order's amount, proposes that order
 * ({@code NO_REFERENCE}, score 70) with evidence naming how the payer was known. The same credit from an account
 * nobody registered finds no candidate.
 */
class ClientAccountMatchingIntegrationTests extends IntegrationTest {

    private static final String IMPORTS = "/api/v1/exchange/statements";

    @Autowired
    private PortalClients portal;

    @Test
    void aPaymentWithoutReferenceFromTheClientsRegisteredAccountProposesTheClientsOrder() {
        var desk = new QarDesk(api());
        var payIn = desk.account(PayoutDesk.bank(), "PEN");
        String clientIban = TestIbans.polish(TestIbans.MBANK);
        String subject = enrolledClient(clientIban);
        String orderId = order(subject, "123.45");
        String stranger = TestIbans.polish(TestIbans.PKO);
        LocalDate today = LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC);
        ensureOperator("gap-client-cashier", "cashier");
        ApiClient cashier = keyOf("gap-client-cashier", "exchange:statements", "exchange:view");

        byte[] statement = Mt940Texts.statement(payIn.iban(), "PEN", "C" + (100 + today.getDayOfYear()), today, "0.00")
                .creditFrom("123.45", clientIban, "Gap Client", "exchange")
                .creditFrom("123.45", stranger, "Someone Else", "exchange")
                .bytes();
        var imported = cashier.send("POST", IMPORTS, statement, "Content-Type", "application/octet-stream");

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode entries = cashier.get("/api/v1/exchange/payments?state=all&importId="
                        + imported.json().get("importId").asString())
                .json()
                .get("items");
        assertThat(entries).hasSize(2);
        JsonNode fromClient = byPayer(entries, clientIban);
        assertThat(fromClient.toString()).contains("NO_REFERENCE", "AMOUNT_AND_PAYER", orderId);
        JsonNode detail = cashier.get(
                        "/api/v1/exchange/payments/" + fromClient.get("entryId").asString())
                .json();
        assertThat(detail.toString()).contains("\"score\":70", "\"payerKnownBy\":\"CLIENT_ACCOUNT\"", clientIban);
        assertThat(byPayer(entries, stranger).toString())
                .contains("NO_CANDIDATE")
                .doesNotContain(orderId);
        assertThat(api().get("/api/v1/operations/" + orderId)
                        .json()
                        .get("stage")
                        .asString())
                .as("rule 2 proposes; only a reference confirms by itself")
                .isEqualTo("awaiting_payment");
    }

    /** A client who registered in the portal, proved email and phone, and gave {@code iban} for PEN. */
    private String enrolledClient(String iban) {
        String email = "gap-client-" + UUID.randomUUID() + "@example.com";
        var client = portal.enrolVerified(new VerifiedPerson(
                        "Gap",
                        "Client",
                        LocalDate.of(1985, 3, 12),
                        "85031212343",
                        "ul. Prosta 1",
                        "00-001",
                        "Warszawa",
                        email,
                        "+48 500 600 701",
                        "correct horse battery staple gap",
                        "en",
                        Map.of("PEN", iban),
                        false,
                        false))
                .orElseThrow();
        return client.subject();
    }

    /** The client's order paying exactly {@code pen} PEN, without saying which account they pay from. */
    private String order(String subject, String pen) {
        var placed = api().post(
                        "/api/v1/exchange/orders",
                        """
                        {"subject":"%s","base":"QAR","quote":"PEN","side":"buy",
                         "amount":{"value":"%s","currency":"PEN"},
                         "payoutAccount":{"iban":"DE89370400440532013000","name":"Gap Client"}}"""
                                .formatted(subject, pen));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().get("pay").get("value").asString()).isEqualTo(pen);
        return placed.json().get("id").asString();
    }

    private static JsonNode byPayer(JsonNode entries, String iban) {
        for (JsonNode entry : entries) {
            if (entry.toString().contains(iban)) {
                return entry;
            }
        }
        throw new AssertionError("no entry from " + iban + " in " + entries);
    }
}
