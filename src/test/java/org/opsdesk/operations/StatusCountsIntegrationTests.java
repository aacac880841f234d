package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.statistics.StatusCounters;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.workflow.Status;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The counters by type and status that triggers keep with every change (as deltas folded into totals): they follow creations and moves made
 * through the API, concurrently too, the API and the facade answer from them, and the recount finds and corrects a
 * counter that drifted.
 */
class StatusCountsIntegrationTests extends IntegrationTest {

    @Autowired
    OperationCounts counts;

    @Autowired
    StatusCounters counters;

    @Test
    void countsFollowEveryCreationAndMoveEvenConcurrent() throws Exception {
        var before = countsInTheDatabase();
        var created = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            created.add(create(org.opsdesk.support.Operations.withdrawal())
                    .get("id")
                    .asString());
        }
        var pool = Executors.newFixedThreadPool(6);
        try {
            var moves = new ArrayList<Callable<Integer>>();
            for (String id : created.subList(0, 4)) {
                moves.add(() -> transition(id, "rejected", "counted").status());
            }
            for (var outcome : pool.invokeAll(moves)) {
                assertThat(outcome.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        var after = countsInTheDatabase();
        assertThat(delta(before, after, "withdrawal", Status.PENDING)).isEqualTo(2);
        assertThat(delta(before, after, "withdrawal", Status.REJECTED)).isEqualTo(4);
        assertThat(counts.recount()).as("the counters agree with the rows").isEmpty();
    }

    @Test
    void theApiAndTheFacadeAnswerFromTheCountersForTheTypesTheCallerMaySee() {
        create(org.opsdesk.support.Operations.withdrawal());
        create(org.opsdesk.support.Operations.of("deposit"));
        counts.recount();
        var actual = countsInTheDatabase();

        JsonNode all = api().get("/api/v1/operations/counts").json();
        assertThat(all.get("byType").get("withdrawal").get("PENDING").asLong())
                .isEqualTo(actual.get("withdrawal").get(Status.PENDING));
        assertThat(all.get("total").asLong())
                .isEqualTo(actual.values().stream()
                        .flatMap(m -> m.values().stream())
                        .mapToLong(Long::longValue)
                        .sum());

        var depositsOnly = new Actor(Actor.Kind.API_KEY, "k", "k", Permissions.of("deposit:view"));
        var visible = counts.statusCounts(depositsOnly);
        assertThat(visible.byType()).containsOnlyKeys("deposit");
        assertThat(visible.total(Status.PENDING))
                .isEqualTo(actual.get("deposit").get(Status.PENDING));
        assertThat(apiWith("deposit:view")
                        .get("/api/v1/operations/counts")
                        .json()
                        .get("byType")
                        .propertyNames())
                .containsExactly("deposit");
    }

    @Test
    void theRecountFindsADriftedCounterAndCorrectsIt() {
        create(org.opsdesk.support.Operations.of("loan"));
        counts.recount();
        counters.fold();
        long pending = countsInTheDatabase().get("loan").get(Status.PENDING);
        jdbc.sql("update operations.status_count set n = n + 5 where type = 'loan' and status = 'PENDING'")
                .update();
        var admin = Actor.system("test");
        assertThat(counts.statusCounts(admin).of("loan", Status.PENDING)).isEqualTo(pending + 5);

        var drifts = counts.recount();

        assertThat(drifts).containsExactly(new CounterDrift("loan", Status.PENDING, pending + 5, pending));
        assertThat(counts.statusCounts(admin).of("loan", Status.PENDING)).isEqualTo(pending);
    }

    private Map<String, Map<Status, Long>> countsInTheDatabase() {
        return CountedRows.of(jdbc);
    }

    private static long delta(
            Map<String, Map<Status, Long>> before, Map<String, Map<Status, Long>> after, String type, Status status) {
        return after.getOrDefault(type, Map.of()).getOrDefault(status, 0L)
                - before.getOrDefault(type, Map.of()).getOrDefault(status, 0L);
    }
}
