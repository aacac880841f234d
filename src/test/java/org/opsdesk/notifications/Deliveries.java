package org.opsdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.opsdesk.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** Reads deliveries through {@code /api/v1/notifications} and waits (Awaitility) for one to reach a state. */
public final class Deliveries {

    /** How long a delivery the local workers send (every 0.2 s) may take to get where a test expects it. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final ApiClient api;

    public Deliveries(ApiClient api) {
        this.api = api;
    }

    /** The operation's deliveries over a channel, newest first. */
    public List<JsonNode> of(String operationId, String channel) {
        var page = api.get("/api/v1/notifications?operationId=" + operationId + "&channel=" + channel);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return StreamSupport.stream(page.json().get("items").spliterator(), false)
                .toList();
    }

    /** The first of the operation's deliveries over a channel meeting the condition, waiting for it. */
    public JsonNode await(String operationId, String channel, Predicate<JsonNode> condition) {
        var found = new AtomicReference<JsonNode>();
        Awaitility.await(channel + " delivery of operation " + operationId)
                .atMost(WAIT)
                .untilAsserted(() -> {
                    var items = of(operationId, channel);
                    found.set(items.stream().filter(condition).findFirst().orElse(null));
                    assertThat(found.get())
                            .as("none as expected among %s", items)
                            .isNotNull();
                });
        return found.get();
    }

    /** The delivery once it is in {@code state}, waiting for it. */
    public JsonNode awaitState(String deliveryId, String state) {
        var found = new AtomicReference<JsonNode>();
        Awaitility.await("notification " + deliveryId + " " + state)
                .atMost(WAIT)
                .untilAsserted(() -> {
                    var read = api.get("/api/v1/notifications/" + deliveryId);
                    assertThat(read.status()).as(read.body()).isEqualTo(200);
                    found.set(read.json().get("notification"));
                    assertThat(found.get().get("state").asString())
                            .as("state of %s", found.get())
                            .isEqualTo(state);
                });
        return found.get();
    }

    public static Predicate<JsonNode> audience(String audience, String state) {
        return d -> !d.get("audience").isNull()
                && audience.equals(d.get("audience").asString())
                && state.equals(d.get("state").asString());
    }
}
