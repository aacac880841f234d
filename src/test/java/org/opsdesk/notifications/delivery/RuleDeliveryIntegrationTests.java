package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Deliveries;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.TestClients;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules wired into the delivery engine, end to end: a status change made through the REST API creates the
 * deliveries its automatic rules call for, and the worker sends them — email to a real SMTP server (GreenMail), SMS
 * to a local HTTP gateway — or records them skipped with the reason. Each test reads only its own operation's
 * deliveries ({@code ?operationId=}) and mail to its own recipient, so other tests' changes do not interfere.
 */
class RuleDeliveryIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    @BeforeEach
    void reset() {
        gateway.received.clear();
        gateway.status = 202;
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void emailsTheClientInTheirLanguageWhenAnExchangeOrderCompletes() throws Exception {
        String address = "ana-" + UUID.randomUUID() + "@example.com";
        String subject = client("pt-BR", "\"email\":\"" + address + "\"", "email", true);
        var order = Operations.exchangeOrder().subject(subject);
        String id = create(order).get("id").asString();

        complete(id);

        // The client also hears of every step before (payment instructions, payment received, payout): this is the
        // last.
        MimeMessage mail = awaitMail(address, m -> subjectOf(m).endsWith("foi concluída"));
        assertThat(mail.getSubject()).isEqualTo("Sua ordem de câmbio " + order.reference() + " foi concluída");
        JsonNode delivery = awaitDelivery(
                id,
                "email",
                d -> d.get("state").asString().equals("sent")
                        && d.get("ruleId").asString().equals("exchange-order-completed-client-email"));
        assertThat(delivery.get("recipient").asString()).isEqualTo(subject);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        var detail = api().get("/api/v1/notifications/" + delivery.get("id").asString())
                .json();
        var attempt = detail.get("attempts").get(0);
        assertThat(attempt.get("outcome").asString()).isEqualTo("sent");
        assertThat(attempt.get("statusCode").isNull()).isTrue();
        assertThat(attempt.get("responseBody").asString()).isEqualTo(mail.getMessageID());
    }

    @Test
    void recordsTheClientsEmailAsSkippedWithoutConsentAndSendsNothing() throws Exception {
        String address = "jan-" + UUID.randomUUID() + "@example.com";
        String subject = client("nl", "\"email\":\"" + address + "\"", null, false);
        String id =
                create(Operations.exchangeOrder().subject(subject)).get("id").asString();

        complete(id);

        JsonNode delivery = awaitDelivery(id, "email", Deliveries.audience("client", "skipped"));
        assertThat(delivery.get("lastError").asString()).isEqualTo("email: no consent");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        var attempt = api().get("/api/v1/notifications/" + delivery.get("id").asString())
                .json()
                .get("attempts")
                .get(0);
        assertThat(attempt.get("outcome").asString()).isEqualTo("skipped");
        assertThat(attempt.get("error").asString()).isEqualTo("email: no consent");
        assertThat(mailTo(address)).isEmpty();
    }

    @Test
    void textsAVerifiedConsentingPhoneWhenAWithdrawalIsSent() {
        String phone = "+3161" + (1000000 + (int) (Math.random() * 8999999));
        String subject = client("nl", "\"phone\":\"" + phone + "\",\"phoneVerified\":true", "sms", true);
        var withdrawal = Operations.withdrawal().subject(subject);
        String id = create(withdrawal).get("id").asString();

        moveToSent(id);

        JsonNode delivery =
                awaitDelivery(id, "sms", d -> d.get("state").asString().equals("sent"));
        assertThat(delivery.get("recipient").asString()).isEqualTo(subject);
        var texts = gateway.received.stream()
                .filter(r -> r.path().equals("/sms"))
                .map(r -> JsonMapper.builder().build().readTree(r.body()))
                .filter(json -> json.get("to").asString().equals(phone))
                .toList();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).get("text").asString())
                .isEqualTo(withdrawal.reference()
                        + ": uw opname van 250,00 EUR is verzonden en staat binnenkort op uw rekening.");
    }

    @Test
    void retriesAGatewayOutageAndSendsTheSameTextOnceItRecovers() throws Exception {
        gateway.status = 503;
        String phone = "+4860" + (1000000 + (int) (Math.random() * 8999999));
        String subject = client("pl", "\"phone\":\"" + phone + "\",\"phoneVerified\":true", "sms", true);
        String id = create(Operations.withdrawal().subject(subject)).get("id").asString();

        moveToSent(id);

        awaitDelivery(id, "sms", d -> d.get("state").asString().equals("retrying"));
        gateway.status = 202;
        JsonNode delivery =
                awaitDelivery(id, "sms", d -> d.get("state").asString().equals("sent"));
        var attempts = api().get("/api/v1/notifications/" + delivery.get("id").asString())
                .json()
                .get("attempts");
        assertThat(attempts.size()).isGreaterThanOrEqualTo(2);
        assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("retry");
        assertThat(attempts.get(0).get("error").asString()).startsWith("sms gateway answered 503");
        assertThat(attempts.get(attempts.size() - 1).get("outcome").asString()).isEqualTo("sent");
        var bodies = gateway.received.stream()
                .filter(r -> r.body().contains(phone))
                .map(GatewayServer.Received::body)
                .distinct()
                .toList();
        assertThat(bodies).as("every attempt sent the same stored text").hasSize(1);
    }

    @Test
    void emailsTheTeamMailboxWhenAnOperationMovesToAnErrorStage() throws Exception {
        var order = Operations.exchangeOrder();
        String id = create(order).get("id").asString();

        assertThat(transition(id, "payment_mismatch", "amount differs").status())
                .isEqualTo(200);

        JsonNode cashier = awaitDelivery(
                id,
                "email",
                d -> d.get("recipient").asString().equals("cashier-desk@example.com")
                        && d.get("state").asString().equals("sent"));
        assertThat(cashier.get("lastError").isNull()).isTrue();
        var mail = awaitMail("cashier-desk@example.com", m -> subjectOf(m).contains(order.reference()));
        assertThat(mail.getSubject())
                .isEqualTo("[Opsdesk] exchange_order " + order.reference() + " moved to payment_mismatch (ERROR)");
        // the managers' rule also matches, but no supervisor mailbox is configured: recorded, not pretended
        JsonNode managers =
                awaitDelivery(id, "email", d -> d.get("recipient").asString().equals("team:supervisor"));
        assertThat(managers.get("state").asString()).isEqualTo("skipped");
        assertThat(managers.get("lastError").asString())
                .contains("no team mailbox is configured for role 'supervisor'");
        assertThat(managers.get("attempts").asInt()).isZero();
    }

    @Test
    void aManualRuleSendsNothingByItself() {
        String address = "manual-" + UUID.randomUUID() + "@example.com";
        String subject = client("en", "\"email\":\"" + address + "\"", "email", true);
        String id = create(Operations.of("deposit").amount("80.00", "EUR").subject(subject))
                .get("id")
                .asString();

        var declined = transition(id, "declined", "card refused");
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);

        // once the change has been relayed, its deliveries exist (created in the relay's transaction)
        await("the outbox of " + id + " drained")
                .atMost(Deliveries.WAIT)
                .untilAsserted(() -> assertThat(unpublished(id)).isZero());
        assertThat(jdbc.sql("select count(*) from operations.outbox where operation_id = ?::uuid")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("the creation and the decline were relayed")
                .isEqualTo(2);
        var page = api().get("/api/v1/notifications?operationId=" + id + "&channel=email");
        assertThat(page.json().get("items"))
                .as("deposit-declined-client-email is manual")
                .isEmpty();
    }

    private int unpublished(String operationId) {
        return jdbc.sql("select count(*) from operations.outbox where operation_id = ?::uuid and published_at is null")
                .param(operationId)
                .query(Integer.class)
                .single();
    }

    private void complete(String id) {
        for (String stage : List.of("funds_received", "payout_pending", "completed")) {
            var moved = transition(id, stage, null);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
    }

    private void moveToSent(String id) {
        for (String stage : List.of("under_review", "approved", "sent")) {
            var moved = transition(id, stage, null);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
    }

    private String client(String locale, String contact, String consentChannel, boolean granted) {
        return TestClients.create(api(), locale, contact, consentChannel, granted);
    }

    private JsonNode awaitDelivery(String operationId, String channel, Predicate<JsonNode> condition) {
        return new Deliveries(api()).await(operationId, channel, condition);
    }

    private MimeMessage awaitMail(String address) throws Exception {
        return awaitMail(address, m -> true);
    }

    private MimeMessage awaitMail(String address, Predicate<MimeMessage> condition) throws Exception {
        return Mailbox.await(smtp, address, condition);
    }

    private static List<MimeMessage> mailTo(String address) throws Exception {
        return Mailbox.to(smtp, address);
    }

    private static String subjectOf(MimeMessage message) {
        return Mailbox.subject(message);
    }
}
