package org.opsdesk.notifications.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Deliveries;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.TestClients;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Manual notification rules over the REST API, end to end: a declined deposit offers {@code
 * deposit-declined-client-email}, previewed in the client's language; the operator sends it as rendered or edited,
 * and the email that reaches a real SMTP server (GreenMail) carries exactly that. Each test uses its own client,
 * mailbox address and deposit.
 */
class ManualNotificationIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    private static final String RULE = "deposit-declined-client-email";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void offersTheDeclinedDepositsEmailPreviewedInTheClientsLanguage() throws Exception {
        String address = "ana-" + UUID.randomUUID() + "@example.com";
        String subject = consentingClient("pt-BR", address);
        var deposit = Operations.of("deposit").amount("80.00", "EUR").subject(subject);
        String id = declined(deposit);

        var offers = api().get("/api/v1/operations/" + id + "/notifications/offers");

        assertThat(offers.status()).as(offers.body()).isEqualTo(200);
        assertThat(offers.json().get("stage").asString()).isEqualTo("declined");
        assertThat(offers.json().get("items").size()).isEqualTo(1);
        JsonNode offer = offers.json().get("items").get(0);
        assertThat(offer.get("ruleId").asString()).isEqualTo(RULE);
        assertThat(offer.get("channel").asString()).isEqualTo("email");
        assertThat(offer.get("audience").asString()).isEqualTo("client");
        assertThat(offer.get("recipient").asString()).isEqualTo(subject);
        assertThat(offer.get("locale").asString()).isEqualTo("pt-BR");
        assertThat(offer.get("subject").asString()).isEqualTo("Seu depósito " + deposit.reference() + " foi recusado");
        assertThat(offer.get("text").asString())
                .startsWith("Olá, Ana Souza,")
                .contains("Não pudemos aceitar seu depósito " + deposit.reference() + " de 80,00 EUR.")
                .contains("Motivo: cartão recusado pelo banco");
        assertThat(offer.get("html").asString()).contains("<p>Olá, <span>Ana Souza</span>,</p>");
        assertThat(offer.get("available").asBoolean()).isTrue();
        assertThat(offer.get("unavailableReason").isNull()).isTrue();
        assertThat(Mailbox.to(smtp, address)).as("a preview sends nothing").isEmpty();
    }

    @Test
    void sendsThePreviewAsItIsAndRecordsWhoSentIt() throws Exception {
        String address = "bia-" + UUID.randomUUID() + "@example.com";
        String id =
                declined(Operations.of("deposit").amount("80.00", "EUR").subject(consentingClient("pt-BR", address)));
        JsonNode offer = offerOf(id);
        var cashier = apiWith("deposit:view", "deposit:notify");

        var sent = send(cashier, id, Map.of("ruleId", RULE));

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String deliveryId = sent.json().get("id").asString();
        assertThat(sent.header("location")).isEqualTo("/api/v1/notifications/" + deliveryId);
        assertThat(sent.json().get("state").asString()).isIn("pending", "sending", "sent");
        assertThat(sent.json().get("ruleId").asString()).isEqualTo(RULE);
        var mail = Mailbox.await(smtp, address, m -> true);
        assertThat(mail.getSubject()).isEqualTo(offer.get("subject").asString());
        String[] bodies = Mailbox.alternatives(mail);
        assertThat(lines(bodies[0])).isEqualTo(lines(offer.get("text").asString()));
        assertThat(lines(bodies[1])).isEqualTo(lines(offer.get("html").asString()));
        JsonNode delivery = awaitSent(deliveryId);
        assertThat(delivery.get("sentBy").get("kind").asString()).isEqualTo("api_key");
        assertThat(delivery.get("sentBy").get("name").asString()).startsWith("test-");
        assertThat(delivery.get("edited").asBoolean()).isFalse();
        assertThatThrownBy(() -> jdbc.sql("update notifications.delivery set body = 'other' where id = ?::uuid")
                        .param(deliveryId)
                        .update())
                .as("what was sent and by whom is fixed once written")
                .rootCause()
                .hasMessageContaining("fixed once written");
    }

    @Test
    void sendsTheEditedTextAsPlainTextAndAsEscapedHtml() throws Exception {
        String address = "caio-" + UUID.randomUUID() + "@example.com";
        String id =
                declined(Operations.of("deposit").amount("80.00", "EUR").subject(consentingClient("pt-BR", address)));
        String subject = offerOf(id).get("subject").asString();
        String text = "Olá Ana,\n\nSeu depósito <b>não</b> foi aceito & devolvido.\nLigue para nós.";

        var sent = send(api(), id, Map.of("ruleId", RULE, "text", text));

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        var mail = Mailbox.await(smtp, address, m -> true);
        assertThat(mail.getSubject()).as("the subject was not edited").isEqualTo(subject);
        String[] bodies = Mailbox.alternatives(mail);
        assertThat(lines(bodies[0])).isEqualTo(text);
        assertThat(lines(bodies[1]))
                .contains("<p>Olá Ana,</p>")
                .contains("<p>Seu depósito &lt;b&gt;não&lt;/b&gt; foi aceito &amp; devolvido.<br>\nLigue para nós.</p>")
                .doesNotContain("<b>")
                .doesNotContain("Não pudemos aceitar");
        JsonNode delivery = awaitSent(sent.json().get("id").asString());
        assertThat(delivery.get("edited").asBoolean()).isTrue();
    }

    @Test
    void sendsAnEditedHtmlBodyOnlyAfterRemovingWhatRunsOrLoads() throws Exception {
        String address = "edu-" + UUID.randomUUID() + "@example.com";
        String id =
                declined(Operations.of("deposit").amount("80.00", "EUR").subject(consentingClient("pt-BR", address)));
        String hostile = "<p onclick=\"alert(1)\">Olá <b>Ana</b></p><script>alert(2)</script>"
                + "<a href=\"javascript:alert(3)\">pagar</a><a href=\"https://opsdesk.example/ajuda\">ajuda</a>"
                + "<form action=\"https://evil.example/\"><input name=\"senha\"></form>"
                + "<iframe src=\"https://evil.example/\"></iframe><img src=\"https://tracker.example/p.gif\">";

        var sent = send(api(), id, Map.of("ruleId", RULE, "html", hostile));

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String html = lines(Mailbox.alternatives(Mailbox.await(smtp, address, m -> true))[1]);
        assertThat(html)
                .contains("<p>Olá <b>Ana</b></p>")
                .contains("href=\"https://opsdesk.example/ajuda\"")
                .doesNotContain("onclick", "<script", "alert(", "javascript:", "<form", "<input", "<iframe", "<img")
                .doesNotContain("evil.example", "tracker.example");
    }

    @Test
    void refusesASecondSendForTheSameChangeNamingTheDeliveryToResend() {
        String id = declined(Operations.of("deposit")
                .amount("80.00", "EUR")
                .subject(consentingClient("en", "davi-" + UUID.randomUUID() + "@example.com")));
        var first = send(api(), id, Map.of("ruleId", RULE));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String deliveryId = first.json().get("id").asString();

        var second = send(api(), id, Map.of("ruleId", RULE, "text", "Once more"));

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).endsWith("notification-already-sent");
        assertThat(second.json().get("deliveryId").asString()).isEqualTo(deliveryId);
        JsonNode offer = offerOf(id);
        assertThat(offer.get("available").asBoolean()).isFalse();
        assertThat(offer.get("deliveryId").asString()).isEqualTo(deliveryId);
        assertThat(api().get("/api/v1/notifications?operationId=" + id + "&channel=email")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void sendingNeedsTheTypesNotifyPermissionWhilePreviewingNeedsSight() {
        String id = declined(Operations.of("deposit")
                .amount("80.00", "EUR")
                .subject(consentingClient("en", "eva-" + UUID.randomUUID() + "@example.com")));
        var viewer = apiWith("deposit:view");
        var otherDesk = apiWith("deposit:view", "withdrawal:view", "withdrawal:notify");

        assertThat(viewer.get("/api/v1/operations/" + id + "/notifications/offers")
                        .status())
                .isEqualTo(200);
        assertThat(send(viewer, id, Map.of("ruleId", RULE)).status()).isEqualTo(403);
        var refused = send(otherDesk, id, Map.of("ruleId", RULE));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("permission").asString()).isEqualTo("deposit:notify");
        assertThat(api().get("/api/v1/notifications?operationId=" + id + "&channel=email")
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void answersNotFoundForAnOperationOfATypeTheCallerCannotSee() {
        String id = declined(Operations.of("deposit")
                .amount("80.00", "EUR")
                .subject(consentingClient("en", "fia-" + UUID.randomUUID() + "@example.com")));
        var withdrawalDesk = apiWith("withdrawal:view", "withdrawal:notify");

        assertThat(withdrawalDesk
                        .get("/api/v1/operations/" + id + "/notifications/offers")
                        .status())
                .isEqualTo(404);
        assertThat(send(withdrawalDesk, id, Map.of("ruleId", RULE)).status()).isEqualTo(404);
    }

    @Test
    void refusesARuleThatTheOperationsCurrentStageDoesNotOffer() {
        String subject = consentingClient("en", "gil-" + UUID.randomUUID() + "@example.com");
        String id = create(Operations.of("deposit").amount("80.00", "EUR").subject(subject))
                .get("id")
                .asString();

        var offers =
                api().get("/api/v1/operations/" + id + "/notifications/offers").json();
        assertThat(offers.get("stage").asString()).isEqualTo("awaiting_payment");
        assertThat(offers.get("items")).isEmpty();
        var refused = send(api(), id, Map.of("ruleId", RULE));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("notification-not-offered");
        assertThat(refused.json().get("detail").asString())
                .contains("stage 'declined'")
                .contains("stage 'awaiting_payment'");
    }

    @Test
    void offersAsUnavailableAndRefusesToSendToAClientWithoutConsent() {
        String address = "hugo-" + UUID.randomUUID() + "@example.com";
        String subject = TestClients.create(api(), "nl", "\"email\":\"" + address + "\"", null, false);
        String id = declined(Operations.of("deposit").amount("80.00", "EUR").subject(subject));

        JsonNode offer = offerOf(id);
        assertThat(offer.get("available").asBoolean()).isFalse();
        assertThat(offer.get("unavailableReason").asString()).isEqualTo("email: no consent");
        assertThat(offer.get("locale").asString()).isEqualTo("nl");
        assertThat(offer.get("subject").asString()).startsWith("Uw storting");
        var refused = send(api(), id, Map.of("ruleId", RULE));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("notification-unavailable");
        assertThat(refused.json().get("reason").asString()).isEqualTo("email: no consent");
        assertThat(api().get("/api/v1/notifications?operationId=" + id + "&channel=email")
                        .json()
                        .get("items"))
                .isEmpty();
    }

    @Test
    void refusesAnOfferTheOperationHasMovedOnFrom() {
        String id = declined(Operations.of("deposit")
                .amount("80.00", "EUR")
                .subject(consentingClient("en", "ines-" + UUID.randomUUID() + "@example.com")));

        var refused = send(
                api(), id, Map.of("ruleId", RULE, "eventId", UUID.randomUUID().toString()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("notification-offer-outdated");
        assertThat(refused.json().get("stage").asString()).isEqualTo("declined");
    }

    @Test
    void answersBadInputWithTheOffendingField() {
        String id = declined(Operations.of("deposit")
                .amount("80.00", "EUR")
                .subject(consentingClient("en", "joao-" + UUID.randomUUID() + "@example.com")));

        assertInvalid(id, Map.of("ruleId", RULE, "text", "x".repeat(20_001)), "text");
        assertInvalid(id, Map.of("ruleId", RULE, "text", "  "), "text");
        assertInvalid(id, Map.of("ruleId", RULE, "subject", "two\nlines"), "subject");
        assertInvalid(id, Map.of("ruleId", RULE, "html", "h".repeat(100_001)), "html");
        assertInvalid(id, Map.of("ruleId", "no-such-rule"), "ruleId");
        assertInvalid(id, Map.of("ruleId", "deposit-credited-client-email"), "ruleId");
        assertInvalid(id, Map.of("text", "no rule"), "ruleId");
        assertThat(api().get("/api/v1/notifications?operationId=" + id + "&channel=email")
                        .json()
                        .get("items"))
                .as("nothing was sent")
                .isEmpty();
    }

    private void assertInvalid(String id, Map<String, String> body, String field) {
        var response = send(api(), id, body);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void anOperationWhoseStatusChangeIsNoLongerKeptOffersNothingAndRefusesToSend() {
        String subject = consentingClient("en", "ines-" + UUID.randomUUID() + "@example.com");
        String id = declined(Operations.of("deposit").amount("80.00", "EUR").subject(subject));
        // as after an import of operations without their events: the outbox no longer holds the change
        jdbc.sql("delete from operations.outbox where operation_id = ?::uuid")
                .param(id)
                .update();

        var offers = api().get("/api/v1/operations/" + id + "/notifications/offers");
        assertThat(offers.status()).as(offers.body()).isEqualTo(200);
        assertThat(offers.json().get("stage").asString()).isEqualTo("declined");
        assertThat(offers.json().get("eventId").isNull()).isTrue();
        assertThat(offers.json().get("items")).isEmpty();
        var refused = send(api(), id, Map.of("ruleId", RULE));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("notification-unavailable");
        assertThat(refused.json().get("detail").asString()).contains("not kept");
    }

    @Test
    void aManualAttributesRuleIsOfferedForTheLatestEditInTheStageAndSentOncePerEdit() throws Exception {
        String rule = "race-ticket-priority-changed-cashiers";
        String id = create(Operations.of("race_ticket")).get("id").asString();
        var before =
                api().get("/api/v1/operations/" + id + "/notifications/offers").json();
        assertThat(before.get("items")).as("nothing edited yet").isEmpty();
        assertThat(editAttributes(id, "{\"note\":\"x\"}").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/operations/" + id + "/notifications/offers")
                        .json()
                        .get("items"))
                .as("an edit of another attribute")
                .isEmpty();

        assertThat(editAttributes(id, "{\"priority\":\"high\"}").status()).isEqualTo(200);

        var offers =
                api().get("/api/v1/operations/" + id + "/notifications/offers").json();
        JsonNode offer = offers.get("items").get(0);
        assertThat(offers.get("items").size()).isEqualTo(1);
        assertThat(offer.get("ruleId").asString()).isEqualTo(rule);
        assertThat(offer.get("recipient").asString()).isEqualTo("cashier-desk@example.com");
        assertThat(offer.get("eventId").asString())
                .as("the edit's own event, not the status change the stage's offers are for")
                .isNotEqualTo(offers.get("eventId").asString());
        var sent = send(
                api(),
                id,
                Map.of("ruleId", rule, "eventId", offer.get("eventId").asString()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("eventType").asString()).isEqualTo("operation.attributes_changed");
        awaitSent(sent.json().get("id").asString());
        var again = send(api(), id, Map.of("ruleId", rule));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("notification-already-sent");

        assertThat(editAttributes(id, "{\"priority\":\"low\"}").status()).isEqualTo(200);
        var outdated = send(
                api(),
                id,
                Map.of("ruleId", rule, "eventId", offer.get("eventId").asString()));
        assertThat(outdated.status()).isEqualTo(409);
        assertThat(outdated.json().get("type").asString()).endsWith("notification-offer-outdated");
        assertThat(outdated.json().get("detail").asString()).contains("edited again");

        assertThat(transition(id, "a", null).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/operations/" + id + "/notifications/offers")
                        .json()
                        .get("items"))
                .as("an edit made in an earlier stage is not offered in this one")
                .isEmpty();
        var unavailable = send(api(), id, Map.of("ruleId", rule));
        assertThat(unavailable.status()).isEqualTo(409);
        assertThat(unavailable.json().get("type").asString()).endsWith("notification-unavailable");
    }

    private String consentingClient(String locale, String address) {
        return TestClients.create(api(), locale, "\"email\":\"" + address + "\"", "email", true);
    }

    /** A deposit created and declined through the API, as the payment provider's integration would. */
    private String declined(Operations deposit) {
        String id = create(deposit).get("id").asString();
        var moved = transition(id, "declined", "cartão recusado pelo banco");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return id;
    }

    private JsonNode offerOf(String id) {
        var offers = api().get("/api/v1/operations/" + id + "/notifications/offers");
        assertThat(offers.status()).as(offers.body()).isEqualTo(200);
        return offers.json().get("items").get(0);
    }

    private static ApiClient.Response send(ApiClient client, String id, Map<String, String> body) {
        return client.post(
                "/api/v1/operations/" + id + "/notifications", JSON.writeValueAsString(new LinkedHashMap<>(body)));
    }

    private JsonNode awaitSent(String deliveryId) {
        return new Deliveries(api()).awaitState(deliveryId, "sent");
    }

    /** Mail bodies travel with CRLF line ends; compare lines. */
    private static String lines(String body) {
        return body.replace("\r\n", "\n");
    }
}
