package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.notifications.Deliveries;
import org.opsdesk.notifications.webhooks.WebhookAdministration;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: a status change relayed from the outbox becomes a delivery, which workers send to a real
 * local receiver that verifies it with the official Standard Webhooks library; retries, permanent failures,
 * {@code Retry-After}, resends, simulated events, stale leases and two workers sharing the queue.
 */
class WebhookDeliveryIntegrationTests extends IntegrationTest {

    @Autowired
    DeliveryStore store;

    @Autowired
    WebhookAdministration webhooks;

    @Autowired
    List<MessageChannel> channels;

    @Autowired
    DeliveryAlerts alerts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    DeliveryPoller poller;

    @Autowired
    JsonMapper json;

    private WebhookReceiver receiver;
    private String endpointId;

    @BeforeEach
    void receiver() throws Exception {
        // endpoints other tests registered (public addresses no test can reach) must not compete for the workers
        jdbc.sql("update notifications.webhook_endpoint set enabled = false, disabled_reason = 'other test'"
                        + " where enabled")
                .update();
        receiver = new WebhookReceiver();
        var created = api().post(
                        "/api/v1/webhooks",
                        "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"operation.status_changed\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        endpointId = created.json().get("id").asString();
        receiver.secret(created.json().get("secret").asString());
    }

    @AfterEach
    void close() {
        poller.start();
        receiver.close();
        webhooks.disableAutomatically(UUID.fromString(endpointId), "test over");
    }

    @Test
    void deliversAStatusChangeSignedToARealReceiverAndShowsItAsSent() throws Exception {
        String operationId = createWatched().get("id").asString();

        WebhookReceiver.await(
                "the status change received", () -> receiver.received().size() == 1);
        var message = receiver.received().get(0);
        assertThat(message.verified()).isTrue();
        JsonNode body = json.readTree(message.body());
        assertThat(body.get("type").asString()).isEqualTo("operation.status_changed");
        assertThat(body.has("timestamp")).isTrue();
        assertThat(body.has("test")).isFalse();
        assertThat(body.get("data").get("operation").get("id").asString()).isEqualTo(operationId);
        assertThat(body.get("data").get("from").isNull()).isTrue();
        assertThat(body.get("data").get("to").get("stage").asString()).isNotBlank();
        assertThat(body.get("data").get("actor").get("kind").asString()).isNotBlank();

        JsonNode item = awaitState(operationId, "sent");
        assertThat(item.get("channel").asString()).isEqualTo("webhook");
        assertThat(item.get("recipient").asString()).isEqualTo(endpointId);
        assertThat(item.get("attempts").asInt()).isEqualTo(1);
        assertThat(item.get("eventId").asString()).isNotBlank();
        assertThat(item.get("nextAttemptAt").isNull()).isTrue();
        assertThat(item.get("lastError").isNull()).isTrue();
        var attempts = attempts(item.get("id").asString());
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("sent");
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(204);
        assertThat(attempts.get(0).get("latencyMs").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aReceiverFailingThreeTimesGetsTheEventOnceSuccessfullyWithTheSameIdEachTime() throws Exception {
        receiver.answer(500, 503, 408);
        String operationId = createWatched().get("id").asString();

        JsonNode item = awaitState(operationId, "sent");
        var received = receiver.received();
        assertThat(received).hasSize(4);
        assertThat(received).extracting(WebhookReceiver.Received::answered).containsExactly(500, 503, 408, 204);
        assertThat(received).allMatch(WebhookReceiver.Received::verified);
        assertThat(received.stream().map(WebhookReceiver.Received::id).distinct())
                .hasSize(1);
        assertThat(received.stream().map(WebhookReceiver.Received::body).distinct())
                .hasSize(1);
        assertThat(item.get("attempts").asInt()).isEqualTo(4);
        var attempts = attempts(item.get("id").asString());
        assertThat(attempts)
                .extracting(a -> a.get("outcome").asString())
                .containsExactly("retry", "retry", "retry", "sent");
        assertThat(attempts).extracting(a -> a.get("attemptNo").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(attempts).extracting(a -> a.get("statusCode").asInt()).containsExactly(500, 503, 408, 204);
        assertThat(attempts.get(0).get("error").asString()).isEqualTo("HTTP 500");
        assertThat(attempts.get(0).get("responseBody").asString()).isEqualTo("{\"answer\":500}");
    }

    @Test
    void aClientErrorOtherThan408Or429IsAPermanentFailure() throws Exception {
        receiver.answer(410);
        String operationId = createWatched().get("id").asString();

        JsonNode item = awaitState(operationId, "failed");
        assertThat(item.get("attempts").asInt()).isEqualTo(1);
        assertThat(item.get("lastError").asString()).isEqualTo("HTTP 410");
        // failed for good: no next attempt is scheduled, so no worker will claim it again
        assertThat(item.get("nextAttemptAt").isNull()).isTrue();
        assertThat(receiver.received()).hasSize(1);
        var failed = api().get("/api/v1/notifications?operationId=" + operationId + "&channel=webhook&state=failed");
        assertThat(failed.json().get("items")).hasSize(1);
    }

    @Test
    void anAlertThatCannotBeSentFailsWithoutRaisingAnotherAlert() throws Exception {
        // no SMTP server listens in this class: the alert about the refused webhook cannot be sent either
        receiver.answer(400);
        String operationId = createWatched().get("id").asString();
        var deliveries = new Deliveries(api());

        awaitState(operationId, "failed");
        JsonNode alert = deliveries.await(operationId, "email", Deliveries.audience("alert", "failed"));
        assertThat(alert.get("recipient").asString()).isEqualTo(ALERT_MAILBOX);
        assertThat(alert.get("lastError").asString())
                .startsWith("SMTP server unreachable")
                .endsWith("(gave up after 8 attempts)");
        // an alert about the alert would have been created in the transaction that marked the alert failed
        assertThat(jdbc.sql("select count(*) from notifications.delivery"
                                + " where operation_id = ?::uuid and event_type = 'notification.delivery_failed'")
                        .param(operationId)
                        .query(Integer.class)
                        .single())
                .as("one alert, for the webhook; none for the alert itself")
                .isEqualTo(1);
        assertThat(deliveries.of(operationId, "email")).hasSize(1);
    }

    @Test
    void honoursRetryAfterOnA429() throws Exception {
        receiver.answer(429, Map.of("Retry-After", "2"));
        String operationId = createWatched().get("id").asString();

        JsonNode retrying = awaitState(operationId, "retrying");
        assertThat(retrying.get("nextAttemptAt").isNull()).isFalse();
        assertThat(retrying.get("lastError").asString()).isEqualTo("HTTP 429");
        awaitState(operationId, "sent");
        var received = receiver.received();
        assertThat(received).hasSize(2);
        assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void resendingSendsTheSameMessageIdAndBodyAgain() throws Exception {
        String operationId = createWatched().get("id").asString();
        String id = awaitState(operationId, "sent").get("id").asString();

        var resent = api().post("/api/v1/notifications/" + id + "/resend", "");
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        WebhookReceiver.await(
                "the resent message received", () -> receiver.received().size() == 2);
        var received = receiver.received();
        assertThat(received.get(1).id()).isEqualTo(received.get(0).id());
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        assertThat(received.get(1).verified()).isTrue();
        assertThat(api().get("/api/v1/notifications/" + UUID.randomUUID() + "/resend")
                        .status())
                .isIn(404, 405);
        var unknown = api().post("/api/v1/notifications/" + UUID.randomUUID() + "/resend", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void simulatesAnEventMarkedAsATestAndListsTheEndpointsDeliveries() throws Exception {
        receiver.onlyAbout("\"test\":true");
        var test =
                api().post("/api/v1/webhooks/" + endpointId + "/test", "{\"eventType\":\"operation.status_changed\"}");
        assertThat(test.status()).as(test.body()).isEqualTo(202);
        WebhookReceiver.await(
                "the simulated event received", () -> receiver.received().size() == 1);
        JsonNode body = json.readTree(receiver.received().get(0).body());
        assertThat(body.get("test").asBoolean()).isTrue();
        assertThat(body.get("type").asString()).isEqualTo("operation.status_changed");
        assertThat(receiver.received().get(0).verified()).isTrue();

        var deliveries = api().get("/api/v1/webhooks/" + endpointId + "/deliveries");
        assertThat(deliveries.status()).isEqualTo(200);
        assertThat(deliveries.json().get("items")).hasSize(1);
        assertThat(deliveries.json().get("items").get(0).get("id").asString())
                .isEqualTo(test.json().get("id").asString());

        var unknownType =
                api().post("/api/v1/webhooks/" + endpointId + "/test", "{\"eventType\":\"operation.deleted\"}");
        assertThat(unknownType.status()).isEqualTo(422);
        var unknownEndpoint = api().post(
                        "/api/v1/webhooks/" + UUID.randomUUID() + "/test",
                        "{\"eventType\":\"operation.status_changed\"}");
        assertThat(unknownEndpoint.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/notifications?state=nonsense").status()).isEqualTo(422);
    }

    @Test
    void aPausedWorkerNeverOverwritesTheResultOfANewerClaim() throws Exception {
        poller.stop();
        String operationId = createWatched().get("id").asString();
        String id = awaitState(operationId, "pending").get("id").asString();
        // paused after its lease check: to the paused worker no time passes, so it still thinks it holds the claim
        var paused = worker("paused", Duration.ofSeconds(60), Clock.fixed(clock.instant(), ZoneOffset.UTC));
        var claimed = paused.claim();
        var mine = claimed.stream()
                .filter(c -> c.id().toString().equals(id))
                .findFirst()
                .orElseThrow();
        // the paused worker's lease runs out; another worker claims the delivery and sends it successfully
        clock().advance(Duration.ofSeconds(61));
        receiver.answer(204, 500);
        assertThat(worker("newer").runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(state(id)).isEqualTo("sent");

        claimed.forEach(paused::deliver); // wakes up, sends (the receiver answers 500), may not record it

        assertThat(state(id)).isEqualTo("sent");
        assertThat(receiver.received())
                .extracting(WebhookReceiver.Received::answered)
                .containsExactly(204, 500);
        var attempts = attempts(id);
        assertThat(attempts).extracting(a -> a.get("outcome").asString()).containsExactly("sent", "superseded");
        assertThat(attempts.get(1).get("attemptNo").isNull()).isTrue();
        assertThat(attempts.get(1).get("worker").asString()).isEqualTo(paused.name());
        assertThat(awaitState(operationId, "sent").get("attempts").asInt()).isEqualTo(1);
        assertThat(mine.messageId()).isEqualTo(receiver.received().get(0).id());
    }

    @Test
    void aWorkerWakingAfterItsLeaseRanOutSendsNothingAndChangesNothing() throws Exception {
        poller.stop();
        String operationId = createWatched().get("id").asString();
        String id = awaitState(operationId, "pending").get("id").asString();
        // stalls between claiming and sending for longer than its lease (less the margin) lasts
        var stalled = worker("stalled", DeliveryWorker.LEASE_MARGIN);
        var claimed = stalled.claim();
        clock().advance(DeliveryWorker.LEASE_MARGIN.plusSeconds(1));
        assertThat(worker("newer").runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(state(id)).isEqualTo("sent");

        claimed.forEach(stalled::deliver);

        assertThat(receiver.received()).hasSize(1);
        var attempts = attempts(id);
        assertThat(attempts).extracting(a -> a.get("outcome").asString()).containsExactly("sent", "superseded");
        assertThat(attempts.get(1).get("worker").asString()).isEqualTo(stalled.name());
        assertThat(attempts.get(1).get("error").asString())
                .isEqualTo("not sent: the claim's lease ran out before the attempt");
        assertThat(awaitState(operationId, "sent").get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aRequestGetsNoMoreTimeThanItsClaimHasLeft() throws Exception {
        poller.stop();
        receiver.holdFor(Duration.ofSeconds(10));
        String operationId = createWatched().get("id").asString();
        String id = awaitState(operationId, "pending").get("id").asString();
        // 3 s of the lease for the attempt, not the 15 s a request may otherwise take
        var worker = worker("short-lease", DeliveryWorker.LEASE_MARGIN.plusSeconds(3));

        long started = System.nanoTime();
        assertThat(worker.runOnce()).isGreaterThanOrEqualTo(1);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
        assertThat(receiver.received()).hasSize(1);
        assertThat(state(id)).as("recorded within its lease").isEqualTo("retrying");
        var attempt = attempts(id).get(0);
        assertThat(attempt.get("outcome").asString()).isEqualTo("retry");
        assertThat(attempt.get("error").asString()).matches("no complete answer within [0-3](\\.\\d+)? s");
        assertThat(attempt.get("latencyMs").asLong()).isLessThan(5_000);
    }

    @Test
    void twoWorkersDeliverEveryEventOnceAndNeverTheSameOneAtTheSameTime() throws Exception {
        poller.stop();
        receiver.holdFor(Duration.ofMillis(30));
        int events = 24;
        var operations = new ArrayList<String>();
        for (int i = 0; i < events; i++) {
            operations.add(create(Operations.withdrawal()).get("id").asString());
        }
        WebhookReceiver.await(events + " deliveries pending", () -> pendingFor(endpointId) == events);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        var runs = new ArrayList<Future<Integer>>();
        for (var worker : List.of(worker("one"), worker("two"))) {
            runs.add(threads.submit(() -> {
                int total = 0;
                int claimed;
                do {
                    claimed = worker.runOnce();
                    total += claimed;
                } while (claimed > 0);
                return total;
            }));
        }
        for (var run : runs) {
            run.get();
        }
        threads.shutdown();

        var received = receiver.received();
        assertThat(receiver.concurrentDuplicates()).isZero();
        assertThat(received).hasSize(events).allMatch(WebhookReceiver.Received::verified);
        assertThat(received.stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet()))
                .hasSize(events);
        for (String operationId : operations) {
            assertThat(awaitState(operationId, "sent").get("attempts").asInt()).isEqualTo(1);
        }
        var workers = jdbc.sql("select distinct a.worker from notifications.delivery_attempt a"
                        + " join notifications.delivery d on d.id = a.delivery_id where d.recipient = ?")
                .param(endpointId)
                .query(String.class)
                .list();
        assertThat(workers).allMatch(w -> w.endsWith("one") || w.endsWith("two"));
    }

    @Test
    void disablesAnEndpointThatHasFailedContinuouslyForFiveDays() throws Exception {
        String[] operation = new String[1];

        FailingEndpoint.failForFiveDays(
                endpointId,
                receiver,
                () -> operation[0] = create(Operations.withdrawal()).get("id").asString(),
                poller,
                clock(),
                jdbc);

        String operationId = operation[0];
        var endpoint = api().get("/api/v1/webhooks/" + endpointId).json();
        assertThat(endpoint.get("disabledReason").asString()).startsWith("failing continuously since");
        // the retry finds the endpoint disabled and skips the delivery instead of calling it again
        JsonNode skipped = awaitState(operationId, "skipped");
        assertThat(skipped.get("lastError").asString()).startsWith("the webhook endpoint is disabled");
        assertThat(receiver.received()).hasSize(2);
    }

    private DeliveryWorker worker(String name) {
        return worker(name, Duration.ofSeconds(60));
    }

    private DeliveryWorker worker(String name, Duration lease) {
        return worker(name, lease, clock);
    }

    private DeliveryWorker worker(String name, Duration lease, Clock clock) {
        return new DeliveryWorker(
                "test-" + name,
                store,
                channels,
                new RetrySchedule(List.of(Duration.ZERO, Duration.ofMillis(200)), new Random(1)),
                alerts,
                transactions,
                clock,
                lease,
                8);
    }

    private int pendingFor(String endpoint) {
        return jdbc.sql("select count(*) from notifications.delivery where recipient = ? and state = 'pending'")
                .param(endpoint)
                .query(Integer.class)
                .single();
    }

    private String state(String id) {
        return jdbc.sql("select state from notifications.delivery where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
    }

    private JsonNode awaitState(String operationId, String state) {
        return new Deliveries(api())
                .await(operationId, "webhook", d -> d.get("state").asString().equals(state));
    }

    private List<JsonNode> attempts(String id) {
        var response = api().get("/api/v1/notifications/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var attempts = new ArrayList<JsonNode>();
        response.json().get("attempts").forEach(attempts::add);
        return attempts;
    }

    /** A withdrawal whose messages alone the receiver records (see {@link WebhookReceiver#onlyAbout}). */
    private JsonNode createWatched() throws Exception {
        var withdrawal = Operations.withdrawal();
        receiver.onlyAbout(withdrawal.reference());
        return create(withdrawal);
    }
}
