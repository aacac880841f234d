package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.AppProcess;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;

/**
 * Opsdesk nodes for the delivery engine's process tests, each a separate JVM ({@link AppProcess}) from the packaged
 * jar: the first on an embedded PostgreSQL in a data directory of the test's own (on CI's external PostgreSQL, a
 * fresh database), restarted on the same data after a crash, or joined by a second node on the same database. The
 * nodes share the bootstrap API key and the key that seals webhook secrets, as the nodes of one installation must.
 */
final class DeliveryNodes implements AutoCloseable {

    static final String KEY = "opk_delivery_nodes_tests_key_" + UUID.randomUUID();

    private final Path directory;
    private final Map<String, String> environment;
    private final List<AppProcess> started = new ArrayList<>();

    /**
     * Nodes with the shortest lease the engine accepts (20 s: it must exceed an attempt's 15 s), so a dead or
     * stalled node's claims expire quickly.
     */
    DeliveryNodes(Path directory, String databasePrefix) {
        this.directory = directory;
        byte[] secretKey = new byte[32];
        new SecureRandom().nextBytes(secretKey);
        environment = new HashMap<>(Map.of(
                "OPSDESK_DATA_DIR", directory.resolve("data").toString(),
                "OPSDESK_WORKFLOWS_DIR", "src/test/resources/workflows-it",
                "OPSDESK_BOOTSTRAP_API_KEY", KEY,
                "OPSDESK_ADMIN_PASSWORD", "delivery-nodes-admin-password",
                "OPSDESK_SECRET_KEY", Base64.getEncoder().encodeToString(secretKey),
                "OPSDESK_DEMO", "false",
                "OPSDESK_WEBHOOKS_ALLOW_HTTP", "true",
                "OPSDESK_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS", "127.0.0.1/32",
                "OPSDESK_NOTIFICATIONS_LEASE", "PT20S"));
        environment.put("OPSDESK_API_RATE_LIMIT_PER_SECOND", "100000"); // the tests' clients are the load
        environment.put("OPSDESK_DB_POOL_SIZE", "10"); // two nodes beside the test JVM's own on CI's server
        // a request held past the 15 s timeout is retried within seconds, not minutes
        environment.put("OPSDESK_NOTIFICATIONS_RETRY_DELAYS", "PT0S,PT1S,PT2S,PT2S,PT2S,PT2S,PT2S,PT2S");
        if (AppProcess.usesExternalDatabase()) {
            // only this test's endpoint may receive the events, as on a fresh embedded database
            environment.put("SPRING_DATASOURCE_URL", AppProcess.freshExternalDatabase(databasePrefix));
        }
    }

    /** A node on the test's data (the same data on every call: a restart), logging to {@code <name>.log}. */
    AppProcess start(String name) {
        return started(AppProcess.start(environment, directory.resolve(name + ".log")));
    }

    /** A further node beside {@code host}, on its database. */
    AppProcess join(String name, AppProcess host) {
        var joining = new HashMap<>(environment);
        if (!AppProcess.usesExternalDatabase()) {
            joining.put(
                    "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + host.embeddedDatabasePort() + "/opsdesk");
            joining.put("SPRING_DATASOURCE_USERNAME", "postgres");
            joining.put("SPRING_DATASOURCE_PASSWORD", "");
        }
        return started(AppProcess.start(joining, directory.resolve(name + ".log")));
    }

    private AppProcess started(AppProcess node) {
        started.add(node);
        return node;
    }

    static ApiClient api(AppProcess node) {
        return new ApiClient(node.baseUrl(), KEY);
    }

    /** Subscribes the receiver to every event; answers the endpoint's id. */
    static String subscribe(ApiClient api, WebhookReceiver receiver) {
        var endpoint = api.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"*\"]}");
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
        receiver.secret(endpoint.json().get("secret").asString());
        return endpoint.json().get("id").asString();
    }

    /**
     * Creates {@code count} operations, each a status change, from {@code threads} clients taking turns over the
     * given nodes' APIs; answers their ids.
     */
    static List<String> createOperations(List<ApiClient> apis, int count, int threads) throws InterruptedException {
        var clients = Executors.newFixedThreadPool(threads);
        try {
            var created = new ArrayList<Future<String>>();
            for (int i = 0; i < count; i++) {
                var api = apis.get(i % apis.size());
                created.add(clients.submit(() -> {
                    var response = api.post(
                            "/api/v1/operations", Operations.withdrawal().json());
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    return response.json().get("id").asString();
                }));
            }
            var ids = new ArrayList<String>();
            for (var id : created) {
                ids.add(id.get());
            }
            return ids;
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            clients.shutdownNow();
        }
    }

    /** Every delivery to the endpoint, newest first, page by page. */
    static List<JsonNode> deliveries(ApiClient api, String endpointId) {
        var all = new ArrayList<JsonNode>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/webhooks/" + endpointId + "/deliveries?limit=500"
                    + (cursor == null
                            ? ""
                            : "&cursor="
                                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(all::add);
            var next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return all;
    }

    /** Waits until every one of {@code expected} deliveries to the endpoint is {@code sent}; answers them. */
    static List<JsonNode> awaitAllSent(ApiClient api, String endpointId, int expected, Duration timeout) {
        var deliveries = new AtomicReference<List<JsonNode>>(List.of());
        Awaitility.await(expected + " deliveries to endpoint " + endpointId + " sent")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    deliveries.set(deliveries(api, endpointId));
                    assertThat(deliveries.get()).hasSize(expected);
                    assertThat(deliveries.get().stream().map(d -> d.get("state").asString()))
                            .as("states")
                            .containsOnly("sent");
                });
        return deliveries.get();
    }

    /** Joined nodes first, the one whose embedded PostgreSQL they use last. */
    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
