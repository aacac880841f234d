package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.notifications.Deliveries;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client is told of a rate change, end to end: a desk rate change on an exchange order is written to the outbox
 * as {@code operation.attributes_changed}, relayed, matched by the {@code attributes: [rate]} rules and sent — email
 * to a real SMTP server (GreenMail) in the client's language, SMS to the local HTTP gateway — or recorded skipped;
 * under four-eyes only once approved; and a webhook endpoint subscribed to the event type gets it signed. The desk
 * here: BGN (2 decimals) against JPY (0 decimals), which no other test class uses.
 */
class RateChangeNotificationIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);
    static final String ORDERS = "/api/v1/exchange/orders";
    static final String EMAIL_RULE = "exchange-order-rate-changed-client-email";
    static final String SMS_RULE = "exchange-order-rate-changed-client-sms";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static boolean accounts;

    @BeforeEach
    void desk() {
        gateway.status = 202;
        put("/api/v1/exchange/currencies/BGN", "{\"enabled\":true}");
        put("/api/v1/exchange/currencies/JPY", "{\"enabled\":true,\"paymentWindow\":\"PT30M\"}");
        put("/api/v1/exchange/rates/BGN/JPY", "{\"buy\":\"80.50\",\"sell\":\"82.10\"}");
        if (!accounts) {
            account(TestIbans.polish(TestIbans.PKO), "JPY");
            account(TestIbans.polish(TestIbans.PKO), "BGN");
            accounts = true;
        }
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void emailsTheClientInTheirLanguageAndTextsThemTheOldAndNewRateTheAmountsAndTheReason() throws Exception {
        String address = "kasia-" + UUID.randomUUID() + "@example.com";
        String phone = phone("+4869");
        String subject = client("pl", address, phone, true);
        String id = placed(subject);

        var changed = api().post(
                        ORDERS + "/" + id + "/rate",
                        "{\"rate\":\"82.20\",\"reason\":\"Kurs poprawiony na tabelę z 11:00\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        String reference = changed.json().get("paymentReference").asString().replaceAll("(.{4})(?!$)", "$1 ");

        var mail = Mailbox.await(smtp, address, m -> Mailbox.subject(m).startsWith("Zmienił się kurs"));
        String text = Mailbox.alternatives(mail)[0];
        assertThat(text)
                .contains("zmienił się z 82.10 na 82.20")
                .contains("Wpłacasz: 8220 JPY (wcześniej: 8210 JPY)")
                .contains("Otrzymujesz: 100.00 BGN")
                .doesNotContain("(wcześniej: 100.00 BGN)")
                .contains("Tytuł przelewu: " + reference)
                .contains("Powód: Kurs poprawiony na tabelę z 11:00");
        JsonNode sms = awaitText(phone, "82.20");
        assertThat(sms.get("text").asString())
                .startsWith("Zlecenie ")
                .contains("nowy kurs 82.20 (było 82.10)", "Wpłacasz 8220 JPY", "Powód: Kurs poprawiony");
        JsonNode email = deliveries().await(id, "email", rule(EMAIL_RULE, "sent"));
        assertThat(email.get("eventType").asString()).isEqualTo("operation.attributes_changed");
        assertThat(email.get("recipient").asString()).isEqualTo(subject);
        deliveries().await(id, "sms", rule(SMS_RULE, "sent"));
        assertThat(ofRule(id, "email", EMAIL_RULE))
                .as("one email for one change")
                .hasSize(1);
        assertThat(Mailbox.to(smtp, address).stream()
                        .filter(m -> Mailbox.subject(m).startsWith("Zmienił się kurs"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void recordsTheSmsSkippedForAClientWhoDidNotConsentToSms() throws Exception {
        String address = "joao-" + UUID.randomUUID() + "@example.com";
        String phone = phone("+5511");
        String id = placed(client("pt-BR", address, phone, false));

        var changed = api().post(ORDERS + "/" + id + "/rate", "{\"rate\":\"82.00\",\"reason\":\"Taxa corrigida\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        JsonNode sms = deliveries().await(id, "sms", rule(SMS_RULE, "skipped"));
        assertThat(sms.get("lastError").asString()).isEqualTo("sms: no consent");
        var mail = Mailbox.await(smtp, address, m -> Mailbox.subject(m).startsWith("A taxa da sua ordem"));
        assertThat(Mailbox.alternatives(mail)[0]).contains("mudou de 82.10 para 82.00", "Motivo: Taxa corrigida");
        assertThat(gateway.received.stream().filter(r -> r.body().contains(phone)))
                .as("nothing texted to a client without SMS consent")
                .isEmpty();
    }

    @Test
    void underFourEyesTheClientHearsNothingWhileTheChangeWaitsOrWhenItIsDeclinedAndOnceWhenApproved() throws Exception {
        String address = "eva-" + UUID.randomUUID() + "@example.com";
        String id = placed(client("nl", address, phone("+3162"), true));
        ApiClient maker = apiWith("exchange:orders", "exchange:view");
        ApiClient checker = apiWith("exchange:orders", "exchange:view");

        String declined = requested(maker, id, "90", "Klant akkoord per telefoon");
        drained(id);
        assertThat(attributeEvents(id)).as("a request changes nothing yet").isZero();
        var refused = checker.post("/api/v1/exchange/rate-requests/" + declined + "/decline", "{\"note\":\"no\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        drained(id);
        assertThat(attributeEvents(id)).as("a decline changes nothing").isZero();
        assertThat(ofRule(id, "email", EMAIL_RULE)).isEmpty();
        assertThat(ofRule(id, "sms", SMS_RULE)).isEmpty();

        String approvedRequest = requested(maker, id, "90.00", "Klant akkoord per telefoon");
        var approved =
                checker.post("/api/v1/exchange/rate-requests/" + approvedRequest + "/approve", "{\"note\":\"ok\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        var mail = Mailbox.await(smtp, address, m -> Mailbox.subject(m).startsWith("De koers van uw wisselopdracht"));
        assertThat(Mailbox.alternatives(mail)[0])
                .contains("gewijzigd van 82.10 naar 90.00", "U betaalt: 9000 JPY (eerder: 8210 JPY)")
                .contains("Reden: Klant akkoord per telefoon")
                .as("who approved it stays inside the office")
                .doesNotContain("approved by");
        deliveries().await(id, "sms", rule(SMS_RULE, "sent"));
        assertThat(ofRule(id, "email", EMAIL_RULE)).hasSize(1);
        var history = api().get("/api/v1/operations/" + id + "/history").json().get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("attributes_changed");
        assertThat(last.get("reason").asString()).isEqualTo("Klant akkoord per telefoon");
        assertThat(last.get("comment").asString()).startsWith("approved by ");
    }

    @Test
    void aWebhookEndpointSubscribedToAttributeChangesGetsTheRateChangeSignedAndNoStatusChange() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            var created = api().post(
                            "/api/v1/webhooks",
                            "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"operation.attributes_changed\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            receiver.secret(created.json().get("secret").asString());
            String endpoint = created.json().get("id").asString();
            String id = placed(client("en", "ann-" + UUID.randomUUID() + "@example.com", phone("+4477"), true));
            receiver.onlyAbout(id);

            var changed =
                    api().post(ORDERS + "/" + id + "/rate", "{\"rate\":\"82.15\",\"reason\":\"Desk correction\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);

            WebhookReceiver.await(
                    "the rate change received", () -> !receiver.received().isEmpty());
            drained(id);
            var message = receiver.received().get(0);
            assertThat(message.verified())
                    .as("signed with the endpoint's secret")
                    .isTrue();
            JsonNode body = JSON.readTree(message.body());
            assertThat(body.get("type").asString()).isEqualTo("operation.attributes_changed");
            assertThat(body.has("test")).isFalse();
            JsonNode data = body.get("data");
            assertThat(data.get("operation").get("id").asString()).isEqualTo(id);
            assertThat(data.get("operation").get("attributes").get("rate").asString())
                    .isEqualTo("82.15");
            assertThat(data.get("changed").toString()).isEqualTo("[\"pay\",\"rate\"]");
            assertThat(data.get("previous").get("rate").asString()).isEqualTo("82.10");
            assertThat(data.get("reason").asString()).isEqualTo("Desk correction");
            assertThat(data.has("from")).isFalse();
            assertThat(deliveries().of(id, "webhook").stream()
                            .filter(d -> d.get("recipient").asString().equals(endpoint))
                            .map(d -> d.get("eventType").asString())
                            .toList())
                    .as("the creation is a status change, which the endpoint did not subscribe to")
                    .containsExactly("operation.attributes_changed");

            var simulated = api().post(
                            "/api/v1/webhooks/" + endpoint + "/test",
                            "{\"eventType\":\"operation.attributes_changed\"}");
            assertThat(simulated.status()).as(simulated.body()).isEqualTo(202);
            assertThat(simulated.json().get("eventType").asString()).isEqualTo("operation.attributes_changed");
            var unknown = api().post("/api/v1/webhooks/" + endpoint + "/test", "{\"eventType\":\"operation.moved\"}");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.body()).contains("eventType");
        }
    }

    @Test
    void aTransitionAfterARateChangeStillMakesExactlyItsOwnDeliveries() throws Exception {
        String address = "lena-" + UUID.randomUUID() + "@example.com";
        String id = placed(client("en", address, phone("+4478"), true));
        var changed = api().post(ORDERS + "/" + id + "/rate", "{\"rate\":\"82.05\",\"reason\":\"Correction\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        deliveries().await(id, "email", rule(EMAIL_RULE, "sent"));

        var paid = transition(id, "funds_received", null);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);

        deliveries().await(id, "email", rule("exchange-order-paid-client-email", "sent"));
        deliveries().await(id, "sms", rule("exchange-order-paid-client-sms", "sent"));
        drained(id);
        assertThat(ofRule(id, "email", "exchange-order-paid-client-email")).hasSize(1);
        assertThat(ofRule(id, "sms", "exchange-order-paid-client-sms")).hasSize(1);
        assertThat(ofRule(id, "email", EMAIL_RULE))
                .as("the edit's notice is not sent again")
                .hasSize(1);
        assertThat(ofRule(id, "email", "exchange-order-changed-managers"))
                .as("the managers' 'every change' rule: the creation and the move, not the rate edit")
                .hasSize(2);
        var offers = api().get("/api/v1/operations/" + id + "/notifications/offers");
        assertThat(offers.json().get("stage").asString())
                .as("the change that brought it into its stage is the move, not the earlier edit")
                .isEqualTo("funds_received");
        assertThat(offers.json().get("eventId").asString())
                .isEqualTo(ofRule(id, "email", "exchange-order-paid-client-email")
                        .get(0)
                        .get("eventId")
                        .asString());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A client with an email address and a verified phone, consenting to email and, if {@code sms}, to SMS. */
    private String client(String locale, String email, String phone, boolean sms) {
        String subject = "client-" + UUID.randomUUID();
        String consents = "\"email\":{\"granted\":true,\"source\":\"app\"}"
                + (sms ? ",\"sms\":{\"granted\":true,\"source\":\"app\"}" : "");
        var response = api().put(
                        "/api/v1/clients/" + subject,
                        "{\"name\":\"Ana Souza\",\"locale\":\"" + locale + "\",\"email\":\"" + email + "\",\"phone\":\""
                                + phone + "\",\"phoneVerified\":true,\"consents\":{" + consents + "}}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return subject;
    }

    /** An order in which the client buys 100.00 BGN at 82.10 and so pays 8210 JPY. */
    private String placed(String subject) {
        var placed = api().post(
                        ORDERS,
                        "{\"subject\":\"" + subject + "\",\"base\":\"BGN\",\"quote\":\"JPY\",\"side\":\"buy\","
                                + "\"amount\":{\"value\":\"100.00\",\"currency\":\"BGN\"},"
                                + "\"payoutAccount\":{\"iban\":\"DE89370400440532013000\",\"name\":\"Ana Souza\"}}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().get("pay").get("value").asString()).isEqualTo("8210");
        return placed.json().get("id").asString();
    }

    private static String requested(ApiClient maker, String id, String rate, String reason) {
        var large =
                maker.post(ORDERS + "/" + id + "/rate", "{\"rate\":\"" + rate + "\",\"reason\":\"" + reason + "\"}");
        assertThat(large.status()).as(large.body()).isEqualTo(202);
        return large.json().get("rateRequest").asString();
    }

    private List<JsonNode> ofRule(String operationId, String channel, String ruleId) {
        return deliveries().of(operationId, channel).stream()
                .filter(d -> ruleId.equals(d.path("ruleId").asString("")))
                .toList();
    }

    private static java.util.function.Predicate<JsonNode> rule(String ruleId, String state) {
        return d -> ruleId.equals(d.path("ruleId").asString(""))
                && state.equals(d.get("state").asString());
    }

    private Deliveries deliveries() {
        return new Deliveries(api());
    }

    /** Every outbox event of the operation relayed (its deliveries exist: they are created in the relay's transaction). */
    private void drained(String operationId) {
        await("the outbox of " + operationId + " drained")
                .atMost(Deliveries.WAIT)
                .until(() -> jdbc.sql("select count(*) from operations.outbox where operation_id = ?::uuid"
                                        + " and published_at is null")
                                .param(operationId)
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    private int attributeEvents(String operationId) {
        return jdbc.sql("select count(*) from operations.outbox where operation_id = ?::uuid and event_type = ?")
                .params(operationId, "operation.attributes_changed")
                .query(Integer.class)
                .single();
    }

    private JsonNode awaitText(String phone, String containing) {
        var found = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        await("an SMS to " + phone).atMost(Deliveries.WAIT).until(() -> {
            found.set(gateway.received.stream()
                    .filter(r -> r.path().equals("/sms"))
                    .map(r -> JSON.readTree(r.body()))
                    .filter(json -> json.get("to").asString().equals(phone)
                            && json.get("text").asString().contains(containing))
                    .findFirst()
                    .orElse(null));
            return found.get() != null;
        });
        return found.get();
    }

    private static String phone(String prefix) {
        return prefix + (1000000 + (int) (Math.random() * 8999999));
    }

    private void put(String path, String body) {
        var response = api().put(path, body);
        assertThat(response.status()).as(path + ": " + response.body()).isIn(200, 201);
    }

    private void account(String iban, String currency) {
        var response = api().post(
                        "/api/v1/exchange/bank-accounts",
                        "{\"bankName\":\"PKO BP\",\"iban\":\"" + iban + "\",\"currency\":\"" + currency
                                + "\",\"purpose\":\"both\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
