package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.opsdesk.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** Reads deliveries through {@code /api/v1/notifications} and waits for one to reach a state. */
final class Deliveries {

    private final ApiClient api;

    Deliveries(ApiClient api) {
        this.api = api;
    }

    /** The operation's deliveries over a channel, newest first. */
    List<JsonNode> of(String operationId, String channel) {
        var page = api.get("/api/v1/notifications?operationId=" + operationId + "&channel=" + channel);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return StreamSupport.stream(page.json().get("items").spliterator(), false)
                .toList();
    }

    /** The first of the operation's deliveries over a channel meeting the condition within 20 s. */
    JsonNode await(String operationId, String channel, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<JsonNode> items = List.of();
        while (System.nanoTime() < deadline) {
            items = of(operationId, channel);
            var found = items.stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        throw new AssertionError("no " + channel + " delivery of " + operationId + " as expected: " + items);
    }

    static Predicate<JsonNode> audience(String audience, String state) {
        return d -> !d.get("audience").isNull()
                && audience.equals(d.get("audience").asString())
                && state.equals(d.get("state").asString());
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
