package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;

/**
 * Opsdesk killed with {@code kill -9} while a webhook request is in flight: the delivery stays claimed until its
 * lease runs out, then the restarted application sends it again — the same message id and body — and records it.
 */
class DeliveryCrashRecoveryIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void aDeliveryInFlightWhenTheNodeDiesIsSentAgainAfterItsLeaseWithTheSameIdAndBody() throws Exception {
        try (var receiver = new WebhookReceiver();
                var nodes = new DeliveryNodes(temp, "opsdesk_delivery_crash")) {
            receiver.holdFor(Duration.ofSeconds(60)); // the first request hangs until the node is dead
            String operationId;
            try (var first = nodes.start("first")) {
                var api = DeliveryNodes.api(first);
                DeliveryNodes.subscribe(api, receiver);
                operationId = api.post(
                                "/api/v1/operations", Operations.withdrawal().json())
                        .json()
                        .get("id")
                        .asString();
                WebhookReceiver.await("the first node's request arrived", () -> receiver.arrivals() == 1);
                first.kill9();
            }
            receiver.holdFor(Duration.ZERO);

            try (var second = nodes.start("second")) {
                var api = DeliveryNodes.api(second);
                var claimed = item(api, operationId);
                // still claimed by the dead node, unless the restart took longer than the lease (a loaded machine)
                assertThat(claimed.get("state").asString()).isIn("sending", "sent");

                await("the delivery sent by the second node")
                        .atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(
                                        item(api, operationId).get("state").asString())
                                .isEqualTo("sent"));
                var sent = item(api, operationId);
                assertThat(sent.get("attempts").asInt())
                        .as("the crashed attempt was never recorded")
                        .isEqualTo(1);
                var detail = api.get("/api/v1/notifications/" + sent.get("id").asString())
                        .json();
                assertThat(detail.get("attempts")).hasSize(1);
                assertThat(detail.get("attempts").get(0).get("outcome").asString())
                        .isEqualTo("sent");

                WebhookReceiver.await(
                        "both requests answered", () -> receiver.received().size() == 2);
                var received = receiver.received();
                assertThat(received).allMatch(WebhookReceiver.Received::verified);
                assertThat(received.get(0).id())
                        .isEqualTo(received.get(1).id())
                        .isEqualTo(sent.get("messageId").asString());
                assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
            }
        }
    }

    private static JsonNode item(ApiClient api, String operationId) {
        var page = api.get("/api/v1/notifications?operationId=" + operationId);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        return page.json().get("items").get(0);
    }
}
