package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.notifications.delivery.DeliveryNodes.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery engine under {@code kill -9} and {@code kill -STOP}, with Opsdesk as separate JVMs: nothing is lost,
 * what is sent again is the same message, and a node that wakes from a pause cannot undo a newer claim's result.
 */
class DeliveryCrashSafetyIntegrationTests {

    private static final int OPERATIONS = 500;
    private static final int KILLS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    /**
     * Four runs on the same data; each of the first three creates its share of status changes, then closes the
     * receiver's door so the next requests hang, and is killed with them in flight and more deliveries (and
     * perhaps events not yet turned into deliveries) waiting.
     */
    @Test
    void everyDeliveryCompletesAfterThreeKillsAndEveryRepeatIsTheSameMessage() throws Exception {
        try (var receiver = new WebhookReceiver();
                var nodes = new DeliveryNodes(temp, "opsdesk_delivery_kills")) {
            receiver.holdBetween(Duration.ofMillis(5), Duration.ofMillis(20));
            var node = nodes.start("run-0");
            String endpointId = DeliveryNodes.subscribe(api(node), receiver);
            var operationIds = new ArrayList<String>();
            var inFlightAtKills = new ArrayList<String>();
            int share = OPERATIONS / (KILLS + 1);
            for (int run = 0; run <= KILLS; run++) {
                if (run > 0) {
                    node = nodes.start("run-" + run);
                }
                var api = List.of(api(node));
                if (run == KILLS) {
                    operationIds.addAll(DeliveryNodes.createOperations(api, OPERATIONS - operationIds.size(), 4));
                    break;
                }
                operationIds.addAll(DeliveryNodes.createOperations(api, share * 2 / 3, 4));
                receiver.holdArrivals(true);
                operationIds.addAll(DeliveryNodes.createOperations(api, share - share * 2 / 3, 4));
                WebhookReceiver.await(
                        "a request in flight to kill the node under",
                        () -> !receiver.held().isEmpty(),
                        Duration.ofSeconds(60));
                inFlightAtKills.addAll(receiver.held());
                node.kill9();
                receiver.holdArrivals(false);
                receiver.release(); // their answers go to a dead process
            }

            var deliveries = DeliveryNodes.awaitAllSent(api(node), endpointId, OPERATIONS, Duration.ofSeconds(150));
            assertThat(deliveries).hasSize(OPERATIONS);
            assertThat(deliveries).allSatisfy(d -> assertThat(d.get("state").asString())
                    .as(d.toString())
                    .isEqualTo("sent"));
            assertThat(deliveries.stream().map(d -> d.get("operationId").asString()))
                    .containsExactlyInAnyOrderElementsOf(operationIds);
            Map<String, String> operationByMessage = deliveries.stream()
                    .collect(Collectors.toMap(d -> d.get("messageId").asString(), d -> d.get("operationId")
                            .asString()));

            var arrivals = receiver.received().stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id));
            assertThat(arrivals.keySet()).as("none lost, none unknown").isEqualTo(operationByMessage.keySet());
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::verified);
            arrivals.forEach((id, copies) -> {
                assertThat(copies.stream().map(WebhookReceiver.Received::body).distinct())
                        .as("every arrival of %s has the same body", id)
                        .hasSize(1);
                assertThat(operationOf(copies.get(0).body())).isEqualTo(operationByMessage.get(id));
            });
            Set<String> repeated = arrivals.entrySet().stream()
                    .filter(e -> e.getValue().size() > 1)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(repeated)
                    .as("what was in flight at a kill was never recorded, so it is sent again")
                    .containsAll(new HashSet<>(inFlightAtKills));
            System.out.printf(
                    "%d deliveries, %d kills: %d requests, %d messages arrived more than once (%d in flight at the"
                            + " kills)%n",
                    OPERATIONS, KILLS, receiver.received().size(), repeated.size(), inFlightAtKills.size());
        }
    }

    /**
     * Node A claims a delivery and stalls (SIGSTOP) with its request open; once A's lease has run out node B takes
     * the delivery over and sends it. A wakes (SIGCONT) to a 500 for its stale request: it logs that attempt as
     * superseded and changes nothing: the delivery stays sent, with no retry scheduled.
     */
    @Test
    void aPausedNodesLateFailureNeverOverwritesTheNewerClaimsSuccess() throws Exception {
        try (var receiver = new WebhookReceiver();
                var nodes = new DeliveryNodes(temp, "opsdesk_delivery_pause")) {
            receiver.answer(500); // to A's request, when it is let go
            receiver.holdArrivals(true);
            var a = nodes.start("node-a");
            DeliveryNodes.subscribe(api(a), receiver);
            String operationId = api(a).post(
                            "/api/v1/operations", Operations.withdrawal().json())
                    .json()
                    .get("id")
                    .asString();
            WebhookReceiver.await("A's request held", () -> receiver.held().size() == 1, Duration.ofSeconds(60));
            receiver.holdArrivals(false);
            a.pause();

            var b = nodes.join("node-b", a);
            var apiB = api(b);
            awaitState(apiB, operationId, "sent");
            assertThat(attempts(apiB, operationId)).singleElement().satisfies(attempt -> {
                assertThat(attempt.get("outcome").asString()).isEqualTo("sent");
                assertThat(attempt.get("attemptNo").asInt()).isEqualTo(1);
                assertThat(attempt.get("worker").asString()).startsWith(b.pid() + "@");
            });

            a.resume();
            receiver.release();
            WebhookReceiver.await(
                    "A's late result is logged",
                    () -> attempts(apiB, operationId).size() == 2,
                    Duration.ofSeconds(60));
            var late = attempts(apiB, operationId).get(1);
            assertThat(late.get("worker").asString()).startsWith(a.pid() + "@");
            assertThat(late.get("outcome").asString()).isEqualTo("superseded");
            assertThat(late.get("attemptNo").isNull()).isTrue();
            assertThat(late.get("error").asString()).as("A did see a failure").isNotBlank();

            var delivery = item(apiB, operationId);
            assertThat(delivery.get("state").asString()).isEqualTo("sent");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
            assertThat(delivery.get("lastError").isNull()).isTrue();
            var received = receiver.received();
            assertThat(received).hasSize(2).allMatch(WebhookReceiver.Received::verified);
            assertThat(received.get(0).id()).isEqualTo(received.get(1).id());
            assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
            assertThat(received.stream().map(WebhookReceiver.Received::answered))
                    .containsExactly(500, 204);
        }
    }

    private static void awaitState(ApiClient api, String operationId, String state) {
        Awaitility.await("the delivery of " + operationId + " " + state)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> assertThat(item(api, operationId).get("state").asString())
                                .isEqualTo(state));
    }

    private static List<JsonNode> attempts(ApiClient api, String operationId) {
        var detail = api.get(
                "/api/v1/notifications/" + item(api, operationId).get("id").asString());
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        var attempts = new ArrayList<JsonNode>();
        detail.json().get("attempts").forEach(attempts::add);
        return attempts;
    }

    private static JsonNode item(ApiClient api, String operationId) {
        var page = api.get("/api/v1/notifications?channel=webhook&operationId=" + operationId);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        return page.json().get("items").get(0);
    }

    private static String operationOf(String body) {
        return JSON.readTree(body).get("data").get("operation").get("id").asString();
    }
}
