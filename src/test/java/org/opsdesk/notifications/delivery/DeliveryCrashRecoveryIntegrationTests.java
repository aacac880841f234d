package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.AppProcess;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;

/**
 * Opsdesk killed with {@code kill -9} while a webhook request is in flight: the delivery stays claimed until its
 * lease runs out, then the restarted application sends it again — the same message id and body — and records it.
 */
class DeliveryCrashRecoveryIntegrationTests {

    private static final String KEY = "opk_delivery_crash_tests_key_" + UUID.randomUUID();

    @TempDir
    Path temp;

    @Test
    void aDeliveryInFlightWhenTheNodeDiesIsSentAgainAfterItsLeaseWithTheSameIdAndBody() throws Exception {
        var environment = new java.util.HashMap<String, String>(Map.of(
                "OPSDESK_DATA_DIR", temp.resolve("data").toString(),
                "OPSDESK_WORKFLOWS_DIR", "src/test/resources/workflows-it",
                "OPSDESK_BOOTSTRAP_API_KEY", KEY,
                "OPSDESK_ADMIN_PASSWORD", "delivery-crash-admin-password",
                "OPSDESK_DEMO", "false",
                "OPSDESK_WEBHOOKS_ALLOW_HTTP", "true",
                "OPSDESK_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.1/32",
                "OPSDESK_NOTIFICATIONS_LEASE", "PT20S"));
        if (AppProcess.usesExternalDatabase()) {
            // only this test's endpoint may receive the operation's event, as on a fresh embedded database
            environment.put("SPRING_DATASOURCE_URL", AppProcess.freshExternalDatabase("opsdesk_delivery_crash"));
        }
        try (var receiver = new WebhookReceiver()) {
            receiver.holdFor(Duration.ofSeconds(60)); // the first request hangs until the node is dead
            String operationId;
            try (var first = AppProcess.start(environment, temp.resolve("first.log"))) {
                var api = new ApiClient(first.baseUrl(), KEY);
                var endpoint =
                        api.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"*\"]}");
                assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
                receiver.secret(endpoint.json().get("secret").asString());
                operationId = api.post(
                                "/api/v1/operations", Operations.withdrawal().json())
                        .json()
                        .get("id")
                        .asString();
                assertThat(receiver.await(() -> receiver.arrivals() == 1)).isTrue();
                first.kill9();
            }
            receiver.holdFor(Duration.ZERO);

            try (var second = AppProcess.start(environment, temp.resolve("second.log"))) {
                var api = new ApiClient(second.baseUrl(), KEY);
                var claimed = item(api, operationId);
                // still claimed by the dead node, unless the restart took longer than the lease (a loaded machine)
                assertThat(claimed.get("state").asString()).isIn("sending", "sent");

                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!item(api, operationId).get("state").asString().equals("sent") && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                var sent = item(api, operationId);
                assertThat(sent.get("state").asString()).isEqualTo("sent");
                assertThat(sent.get("attempts").asInt())
                        .as("the crashed attempt was never recorded")
                        .isEqualTo(1);
                var detail = api.get("/api/v1/notifications/" + sent.get("id").asString())
                        .json();
                assertThat(detail.get("attempts")).hasSize(1);
                assertThat(detail.get("attempts").get(0).get("outcome").asString())
                        .isEqualTo("sent");

                assertThat(receiver.await(() -> receiver.received().size() == 2))
                        .isTrue();
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
