package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;

/**
 * The list in updatedAt order, served from the operations' newest history entries since operations.operation has
 * no index on updated_at (migration V2026120792, ADR 0018): newest change first or last, every operation once
 * across pages, with a status filter, the updatedFrom/updatedTo window, and the export in the same order.
 */
class OperationListUpdatedOrderIntegrationTests extends IntegrationTest {

    @Test
    void listsByLastChangeAcrossPagesInBothDirections() {
        String subject = "updated-order-" + UUID.randomUUID();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(Operations.withdrawal().subject(subject)).get("id").asString());
            clock().advance(Duration.ofSeconds(1));
        }
        // changed after their creation, in this order: the 2nd, then the 4th, then the 1st
        assertThat(transition(ids.get(1), "rejected", "listed").status()).isEqualTo(200);
        clock().advance(Duration.ofSeconds(1));
        assertThat(transition(ids.get(3), "cancelled", "listed").status()).isEqualTo(200);
        clock().advance(Duration.ofSeconds(1));
        assertThat(transition(ids.get(0), "rejected", "listed").status()).isEqualTo(200);
        var newestChangeFirst = List.of(ids.get(0), ids.get(3), ids.get(1), ids.get(4), ids.get(2));

        assertThat(allPages("subject=" + subject + "&sort=-updatedAt")).isEqualTo(newestChangeFirst);
        assertThat(allPages("subject=" + subject + "&sort=updatedAt"))
                .isEqualTo(List.of(ids.get(2), ids.get(4), ids.get(1), ids.get(3), ids.get(0)));
        assertThat(exported("subject=" + subject + "&sort=-updatedAt")).isEqualTo(newestChangeFirst);
        assertThat(allPages("subject=" + subject + "&status=REJECTED&sort=-updatedAt"))
                .isEqualTo(List.of(ids.get(0), ids.get(3), ids.get(1)));
        assertThat(allPages("subject=" + subject + "&status=PENDING&sort=-updatedAt"))
                .isEqualTo(List.of(ids.get(4), ids.get(2)));
        assertThat(allPages("subject=" + subject + "&sort=-createdAt"))
                .isEqualTo(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)));
    }

    @Test
    void theUpdatedWindowAndTheShownUpdateTimeFollowTheLastChange() {
        String subject = "updated-window-" + UUID.randomUUID();
        String early =
                create(Operations.withdrawal().subject(subject)).get("id").asString();
        String late = create(Operations.withdrawal().subject(subject)).get("id").asString();
        clock().advance(Duration.ofMinutes(10));
        var from = clock().instant();
        assertThat(transition(early, "rejected", "windowed").status()).isEqualTo(200);

        var changed = page("subject=" + subject + "&sort=-updatedAt&updatedFrom=" + encode(from.toString()), null);
        assertThat(changed.get("items")).hasSize(1);
        assertThat(changed.get("items").get(0).get("id").asString()).isEqualTo(early);
        assertThat(changed.get("items").get(0).get("updatedAt").asString())
                .isEqualTo(api().get("/api/v1/operations/" + early)
                        .json()
                        .get("updatedAt")
                        .asString());
        var before = page("subject=" + subject + "&sort=-updatedAt&updatedTo=" + encode(from.toString()), null);
        assertThat(before.get("items")).hasSize(1);
        assertThat(before.get("items").get(0).get("id").asString()).isEqualTo(late);
        var sameWindowCreatedOrder =
                page("subject=" + subject + "&sort=-createdAt&updatedFrom=" + encode(from.toString()), null);
        assertThat(sameWindowCreatedOrder.get("items")).hasSize(1);
    }

    private List<String> allPages(String query) {
        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            JsonNode page = page(query + "&limit=2", cursor);
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        return ids;
    }

    /** The ids of the CSV export's rows, in its order (the id is the first column). */
    private List<String> exported(String query) {
        var response = api().get("/api/v1/exports/operations.csv?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body()
                .lines()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
    }

    private JsonNode page(String query, String cursor) {
        var response = api().get("/api/v1/operations?" + query + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
