package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;

/** Concurrent moves on one operation are serialized: exactly one wins, the others learn it changed. */
class ConcurrencyIntegrationTests extends IntegrationTest {

    private static final List<String> TARGETS = List.of("a", "b", "c", "d", "done", "refused");

    @Test
    void exactlyOneOf32RacingTransitionsWins() throws Exception {
        String id = create(Operations.of("race_ticket")).get("id").asString();
        int clients = 32;
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var results = new ArrayList<Future<Integer>>();
        try {
            for (int i = 0; i < clients; i++) {
                String to = TARGETS.get(i % TARGETS.size());
                String body = "{\"to\":\"" + to + "\",\"reason\":\"race " + i + "\"}";
                results.add(pool.submit(() -> {
                    start.await();
                    return api().post("/api/v1/operations/" + id + "/transitions", body, "If-Match", "\"1\"")
                            .status();
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 412 || s == 409);
        } finally {
            pool.shutdownNow();
        }
        var history = api().get("/api/v1/operations/" + id + "/history").json().get("items");
        assertThat(history).hasSize(2);
        assertThat(api().get("/api/v1/operations/" + id).json().get("version").asLong())
                .isEqualTo(2);
        assertThat(api().get("/api/v1/operations/" + id + "/history/verify")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }
}
