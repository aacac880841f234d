package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opsdesk.notifications.delivery.DeliveryNodes.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.AppProcess;
import tools.jackson.databind.JsonNode;

/**
 * Two Opsdesk nodes (separate JVMs) on one database share the delivery work: every message arrives, and no
 * message is ever in flight twice at once, however the two nodes' claims interleave.
 */
class TwoInstanceDeliveryIntegrationTests {

    private static final int EVENTS = 1_000;

    @TempDir
    Path temp;

    @Test
    void twoNodesDeliverAThousandEventsWithNoneMissingAndNoneInFlightTwice() throws Exception {
        try (var receiver = new WebhookReceiver();
                var nodes = new DeliveryNodes(temp, "opsdesk_delivery_two_nodes")) {
            receiver.holdBetween(Duration.ofMillis(2), Duration.ofMillis(10));
            var a = nodes.start("node-a");
            var b = nodes.join("node-b", a);
            String endpointId = DeliveryNodes.subscribe(api(a), receiver);

            var operationIds = DeliveryNodes.createOperations(List.of(api(a), api(b)), EVENTS, 8);

            var deliveries = DeliveryNodes.awaitAllSent(api(b), endpointId, EVENTS, Duration.ofSeconds(120));
            assertThat(deliveries).hasSize(EVENTS);
            assertThat(deliveries).allSatisfy(d -> assertThat(d.get("state").asString())
                    .as(d.toString())
                    .isEqualTo("sent"));
            assertThat(deliveries.stream().map(d -> d.get("operationId").asString()))
                    .containsExactlyInAnyOrderElementsOf(operationIds);
            var messageIds =
                    deliveries.stream().map(d -> d.get("messageId").asString()).collect(Collectors.toSet());
            // an answer may still be on its way out when the sender has already recorded it
            WebhookReceiver.await(
                    "every arrived request answered",
                    () -> receiver.exchanges().size() == receiver.arrivals(),
                    Duration.ofSeconds(30));

            var exchanges = receiver.exchanges().stream().collect(Collectors.groupingBy(WebhookReceiver.Exchange::id));
            assertThat(exchanges.keySet()).as("none missing, none unknown").isEqualTo(messageIds);
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::verified);
            exchanges.forEach((id, copies) -> assertThat(overlapping(copies))
                    .as("%s in flight twice at once", id)
                    .isEmpty());

            var byNode = deliveringWorkers(api(a), deliveries);
            long fromA = count(byNode, a);
            long fromB = count(byNode, b);
            assertThat(fromA + fromB)
                    .as("every delivery recorded once, by one of the two")
                    .isEqualTo(EVENTS);
            assertThat(fromA).as("node A delivered").isPositive();
            assertThat(fromB).as("node B delivered").isPositive();
            System.out.printf(
                    "%d events over two nodes: %d requests (%d repeated), node A sent %d, node B sent %d%n",
                    EVENTS, receiver.received().size(), receiver.received().size() - EVENTS, fromA, fromB);
        }
    }

    /** Pairs of one message's requests whose times at the receiver overlap. */
    private static List<String> overlapping(List<WebhookReceiver.Exchange> copies) {
        var sorted = copies.stream()
                .sorted(Comparator.comparingLong(WebhookReceiver.Exchange::startNanos))
                .toList();
        var overlaps = new ArrayList<String>();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).overlaps(sorted.get(i - 1))) {
                overlaps.add(sorted.get(i - 1) + " / " + sorted.get(i));
            }
        }
        return overlaps;
    }

    /**
     * For each delivery, the worker of its one recorded attempt (the outcome that counted; a superseded attempt,
     * whose lease had been taken over, has no number) from its attempt log, read through the API.
     */
    private static Map<String, String> deliveringWorkers(ApiClient api, List<JsonNode> deliveries)
            throws InterruptedException {
        var workers = new ConcurrentHashMap<String, String>();
        var readers = Executors.newFixedThreadPool(4);
        try {
            var reads = new ArrayList<Future<?>>();
            for (var delivery : deliveries) {
                String id = delivery.get("id").asString();
                reads.add(readers.submit(() -> {
                    var detail = api.get("/api/v1/notifications/" + id);
                    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
                    var recorded = new ArrayList<JsonNode>();
                    detail.json().get("attempts").forEach(attempt -> {
                        if (!attempt.get("attemptNo").isNull()) {
                            recorded.add(attempt);
                        }
                    });
                    assertThat(recorded).as(detail.body()).singleElement().satisfies(attempt -> assertThat(
                                    attempt.get("outcome").asString())
                            .isEqualTo("sent"));
                    workers.put(id, recorded.get(0).get("worker").asString());
                }));
            }
            for (var read : reads) {
                read.get();
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            readers.shutdownNow();
        }
        return workers;
    }

    /** Deliveries recorded by the node: a worker is named after its JVM, {@code pid@host/...}. */
    private static long count(Map<String, String> workers, AppProcess node) {
        return workers.values().stream()
                .filter(worker -> worker.startsWith(node.pid() + "@"))
                .count();
    }
}
