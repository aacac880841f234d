package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Deliveries;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.webhooks.WebhookAdministration;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the delivery engine tells people, end to end over real HTTP, SMTP (GreenMail) and PostgreSQL: an
 * operation's assignee in their own language, the alert mailbox when a delivery fails for good (and the failure
 * counter on {@code /actuator/prometheus}), and a webhook endpoint's owner when the endpoint is disabled after
 * failing continuously — each a delivery row of its own, or a skipped one saying why nobody could be told.
 */
class DeliveryAlertsIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    @Autowired
    DeliveryStore store;

    @Autowired
    DeliveryAlerts alerts;

    @Autowired
    SystemMessages systemMessages;

    @Autowired
    org.opsdesk.operations.OperationQueries operations;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    WebhookAdministration webhooks;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DeliveryPoller poller;

    @Autowired
    Clock clock;

    /** A receiver registered as an endpoint. */
    record Endpoint(String id, WebhookReceiver receiver) {}

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private Deliveries deliveries;

    @BeforeEach
    void onlyThisTestsEndpoints() {
        // endpoints other tests registered would fail for these operations too and raise alerts of their own
        jdbc.sql("update notifications.webhook_endpoint set enabled = false, disabled_reason = 'other test'"
                        + " where enabled")
                .update();
        deliveries = new Deliveries(api());
    }

    @AfterEach
    void closeReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void emailsTheAssigneeInTheirOwnLanguageWhenTheirOperationMovesToError() throws Exception {
        String username = "olga-" + UUID.randomUUID().toString().substring(0, 8);
        String address = username + "@example.com";
        operator(username, address, "pl");
        var order = Operations.exchangeOrder();
        String id = create(order).get("id").asString();
        assign(id, username);

        var moved = transition(id, "payment_mismatch", "amount differs");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        MimeMessage mail = awaitMail(address, m -> true);
        assertThat(mail.getSubject())
                .isEqualTo("[Opsdesk] Twoja operacja exchange_order " + order.reference()
                        + " w etapie payment_mismatch (ERROR)");
        assertThat(text(mail)).contains("przypisana do Ciebie").contains("amount differs");
        JsonNode delivery = deliveries.await(id, "email", Deliveries.audience("assignee", "sent"));
        assertThat(delivery.get("recipient").asString())
                .as("traceable to the operator")
                .isEqualTo(username);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void recordsTheAssigneeEmailAsSkippedWhenTheOperatorHasNoAddressOrIsDisabled() throws Exception {
        String noAddress =
                ensureOperator("no-address-" + UUID.randomUUID().toString().substring(0, 8), "cashier");
        String first = create(Operations.exchangeOrder()).get("id").asString();
        assign(first, noAddress);
        String leaving = "leaving-" + UUID.randomUUID().toString().substring(0, 8);
        operator(leaving, leaving + "@example.com", "nl");
        String second = create(Operations.exchangeOrder()).get("id").asString();
        assign(second, leaving);
        assertThat(api().post("/api/v1/operators/" + leaving + "/disable", "").status())
                .isEqualTo(200);

        assertThat(transition(first, "payment_mismatch", "amount differs").status())
                .isEqualTo(200);
        assertThat(transition(second, "payment_mismatch", "amount differs").status())
                .isEqualTo(200);

        // The order's creation, before its assignment, left an assignee email skipped as "not assigned to anyone".
        JsonNode withoutAddress = deliveries.await(
                first, "email", Deliveries.audience("assignee", "skipped").and(d -> d.get("recipient")
                        .asString()
                        .equals(noAddress)));
        assertThat(withoutAddress.get("recipient").asString()).isEqualTo(noAddress);
        assertThat(withoutAddress.get("lastError").asString())
                .isEqualTo("email: operator '" + noAddress + "' has no email address");
        assertThat(withoutAddress.get("attempts").asInt()).as("never attempted").isZero();
        JsonNode disabled = deliveries.await(
                second, "email", Deliveries.audience("assignee", "skipped").and(d -> d.get("recipient")
                        .asString()
                        .equals(leaving)));
        assertThat(disabled.get("lastError").asString()).isEqualTo("email: operator '" + leaving + "' is disabled");
        assertThat(mailTo(leaving + "@example.com")).isEmpty();
    }

    @Test
    void alertsTheAlertMailboxWhenAWebhookIsRefusedForGoodAndCountsTheFailure() throws Exception {
        double before = failedCount("webhook");
        receiver(null).receiver().answer(400);
        var withdrawal = Operations.withdrawal();
        String id = create(withdrawal).get("id").asString();

        JsonNode failed =
                deliveries.await(id, "webhook", d -> d.get("state").asString().equals("failed"));
        JsonNode alert = deliveries.await(id, "email", Deliveries.audience("alert", "sent"));
        assertThat(alert.get("recipient").asString()).isEqualTo(ALERT_MAILBOX);
        assertThat(alert.get("eventType").asString()).isEqualTo("notification.delivery_failed");
        MimeMessage mail = awaitMail(ALERT_MAILBOX, m -> subject(m).contains(withdrawal.reference()));
        assertThat(mail.getSubject())
                .isEqualTo("[Opsdesk] A webhook notification failed for good: " + withdrawal.reference());
        assertThat(text(mail))
                .contains("Notification: " + failed.get("id").asString())
                .contains("Channel: webhook")
                .contains("Recipient: " + failed.get("recipient").asString())
                .contains("Operation: " + withdrawal.reference() + " (withdrawal, " + id + ")")
                .contains("Attempts: 1")
                .contains("Last error: HTTP 400");
        assertThat(failedCount("webhook")).isGreaterThanOrEqualTo(before + 1);
        assertThat(deliveries.of(id, "email").stream()
                        .filter(d -> d.get("audience").asString().equals("alert")))
                .as("one failure, one alert")
                .hasSize(1);
    }

    @Test
    void tellsTheOwnerWhenTheirEndpointIsDisabledAfterFailingContinuously() throws Exception {
        String owner = "ledger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var endpoint = receiver(owner);

        String endpointId = failForFiveDays(endpoint);

        MimeMessage mail = awaitMail(owner, m -> true);
        assertThat(mail.getSubject()).startsWith("[Opsdesk] Webhook endpoint disabled after failing since");
        assertThat(text(mail))
                .contains("Endpoint: " + endpointId)
                .contains("URL: " + endpoint.receiver().url())
                .contains("Last error: HTTP 500")
                .contains("POST /api/v1/webhooks/" + endpointId + "/enable");
        var notice = notices(endpointId);
        assertThat(notice).hasSize(1);
        assertThat(notice.get(0)).isEqualTo("endpoint_owner " + owner + " " + "webhook.endpoint_disabled");
        var disabling = jdbc.sql(
                        "select action || ' ' || actor_kind || ':' || actor_id from notifications.endpoint_change"
                                + " where endpoint_id = ?::uuid order by id desc limit 1")
                .param(endpointId)
                .query(String.class)
                .single();
        assertThat(disabling).isEqualTo("disabled system:webhook-delivery");
    }

    @Test
    void tellsTheIntegrationsMailboxWhenTheDisabledEndpointHasNoOwner() throws Exception {
        String endpointId = failForFiveDays(receiver(null));

        MimeMessage mail = awaitMail(INTEGRATIONS_MAILBOX, m -> text(m).contains(endpointId));
        assertThat(mail.getSubject()).startsWith("[Opsdesk] Webhook endpoint disabled");
        assertThat(notices(endpointId))
                .containsExactly("endpoint_owner " + INTEGRATIONS_MAILBOX + " " + "webhook.endpoint_disabled");
    }

    @Test
    void recordsTheNoticesAsSkippedWithTheReasonWhenNoMailboxIsConfigured() {
        var unconfigured = new DeliveryAlerts(store, systemMessages, operations, meters, clock, "", "");
        UUID operationId = UUID.randomUUID();
        UUID failedId = UUID.randomUUID();
        var ownerless = webhooks.create(
                        "http://127.0.0.1:9/hook",
                        null,
                        null,
                        List.of("*"),
                        false,
                        org.opsdesk.shared.Actor.system("t"))
                .endpoint();

        transactions.executeWithoutResult(status -> {
            UUID eventId = UUID.randomUUID();
            store.insert(
                    new DeliveryStore.RuleDelivery(
                            failedId,
                            eventId,
                            "operation.status_changed",
                            operationId,
                            "withdrawal",
                            "email",
                            "someone@example.com",
                            DeliveryCreation.ruleMessageId(eventId, "email", "someone@example.com"),
                            "error-managers",
                            "team",
                            null,
                            DeliveryState.FAILED,
                            "the message could not be rendered: broken override",
                            null,
                            null),
                    clock.instant());
            unconfigured.deliveryFailed(failedId, null);
            unconfigured.endpointDisabled(ownerless, clock.instant().minus(Duration.ofDays(5)), "HTTP 500");
        });

        JsonNode alert = deliveries.await(operationId.toString(), "email", Deliveries.audience("alert", "skipped"));
        assertThat(alert.get("recipient").asString()).isEqualTo("alert-mailbox");
        assertThat(alert.get("lastError").asString()).startsWith("no alert mailbox is configured");
        assertThat(alert.get("attempts").asInt()).isZero();
        assertThat(notices(ownerless.id().toString()))
                .containsExactly("endpoint_owner endpoint-owner webhook.endpoint_disabled");
        assertThat(jdbc.sql("select state || ': ' || last_error from notifications.delivery"
                                + " where event_type = 'webhook.endpoint_disabled' and last_error like ?")
                        .param("%" + ownerless.id() + "%")
                        .query(String.class)
                        .single())
                .isEqualTo("skipped: webhook endpoint " + ownerless.id() + " has no ownerEmail and no integrations"
                        + " mailbox is configured (opsdesk.notifications.integrations-mailbox)");
    }

    /** Fails the endpoint now and five days later (the clock moved on); the second failure disables it. */
    private String failForFiveDays(Endpoint endpoint) throws Exception {
        String endpointId = endpoint.id();
        FailingEndpoint.failForFiveDays(
                endpointId, endpoint.receiver(), () -> create(Operations.withdrawal()), poller, clock(), jdbc);
        assertThat(api().get("/api/v1/webhooks/" + endpointId)
                        .json()
                        .get("enabled")
                        .asBoolean())
                .as("disabled")
                .isFalse();
        return endpointId;
    }

    /** The endpoint's disabled notices as "audience recipient eventType": they name it in the text or reason. */
    private List<String> notices(String endpointId) {
        return jdbc.sql("select audience || ' ' || recipient || ' ' || event_type from notifications.delivery"
                        + " where event_type = 'webhook.endpoint_disabled' and (body like ? or last_error like ?)")
                .params("%" + endpointId + "%", "%" + endpointId + "%")
                .query(String.class)
                .list();
    }

    private Endpoint receiver(String ownerEmail) throws Exception {
        var receiver = new WebhookReceiver();
        receivers.add(receiver);
        var created = api().post(
                        "/api/v1/webhooks",
                        "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"operation.status_changed\"]"
                                + (ownerEmail == null ? "" : ",\"ownerEmail\":\"" + ownerEmail + "\"") + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        receiver.secret(created.json().get("secret").asString());
        return new Endpoint(created.json().get("id").asString(), receiver);
    }

    private void operator(String username, String email, String locale) {
        var created = api().post(
                        "/api/v1/operators",
                        "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"email\":\"" + email
                                + "\",\"locale\":\"" + locale + "\",\"password\":\"integration-tests-passphrase\","
                                + "\"roles\":[\"cashier\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void assign(String operationId, String username) {
        var assigned = api().send(
                        "PUT",
                        "/api/v1/operations/" + operationId + "/assignee",
                        ("{\"assignee\":\"" + username + "\"}").getBytes(),
                        "Content-Type",
                        "application/json");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    /** The counter's value on {@code /actuator/prometheus} (0 before the first failure of the channel). */
    private double failedCount(String channel) {
        var scrape = api().get("/actuator/prometheus", "Authorization", "Bearer " + SCRAPE_TOKEN);
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body()
                .lines()
                .filter(line -> line.startsWith("opsdesk_notifications_failed_total{")
                        && line.contains("channel=\"" + channel + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static MimeMessage awaitMail(String address, Predicate<MimeMessage> condition) {
        return Mailbox.await(smtp, address, condition);
    }

    private static List<MimeMessage> mailTo(String address) throws Exception {
        return Mailbox.to(smtp, address);
    }

    private static String subject(MimeMessage message) {
        return Mailbox.subject(message);
    }

    /** The decoded plain-text alternative of an email (the part every mail client can show). */
    private static String text(MimeMessage message) {
        try {
            return plainText(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
