package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;

class IdempotencyIntegrationTests extends IntegrationTest {

    @Test
    void replaysTheOriginalResponseForTheSameKeyAndBody() {
        String key = UUID.randomUUID().toString();
        String body = Operations.withdrawal().json();

        var first = api().post("/api/v1/operations", body, "Idempotency-Key", key);
        var second = api().post("/api/v1/operations", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        String reference = first.json().get("reference").asString();
        assertThat(jdbc.sql("select count(*) from operations.operation where reference = ?")
                        .param(reference)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void replaysAnErrorResponseToo() {
        String key = UUID.randomUUID().toString();
        String body = Operations.of("no_such_type").json();

        var first = api().post("/api/v1/operations", body, "Idempotency-Key", key);
        var second = api().post("/api/v1/operations", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(422);
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(second.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        api().post("/api/v1/operations", Operations.withdrawal().json(), "Idempotency-Key", key);

        var reused = api().post("/api/v1/operations", Operations.withdrawal().json(), "Idempotency-Key", key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).endsWith("idempotency-key-reused");
    }

    @Test
    void keysAreScopedToTheCallingPrincipal() {
        String key = UUID.randomUUID().toString();
        ApiClient other = apiWith("withdrawal:create", "withdrawal:view");
        var mine = api().post("/api/v1/operations", Operations.withdrawal().json(), "Idempotency-Key", key);

        var theirs = other.post("/api/v1/operations", Operations.withdrawal().json(), "Idempotency-Key", key);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void answers409WhileTheFirstRequestIsStillRunning() throws Exception {
        var slow = Operations.withdrawal().reference("SLOW-" + UUID.randomUUID());
        String function = "slow_" + slow.reference().replace("-", "_").toLowerCase();
        // Hold the first request inside its transaction for two seconds.
        jdbc.sql("create function operations." + function + "() returns trigger language plpgsql as $$ begin "
                        + "if new.reference = '" + slow.reference()
                        + "' then perform pg_sleep(2); end if; return new; end; $$")
                .update();
        jdbc.sql("create trigger " + function
                        + " before insert on operations.operation for each row execute function operations." + function
                        + "()")
                .update();
        String key = UUID.randomUUID().toString();
        try {
            var first = CompletableFuture.supplyAsync(
                    () -> api().post("/api/v1/operations", slow.json(), "Idempotency-Key", key));
            await().atMost(java.time.Duration.ofSeconds(10)).until(this::insertIsSleeping); // holds the key now
            var concurrent = api().post("/api/v1/operations", slow.json(), "Idempotency-Key", key);

            assertThat(concurrent.status()).isEqualTo(409);
            assertThat(concurrent.json().get("type").asString()).endsWith("idempotency-key-in-use");
            assertThat(first.get().status()).isEqualTo(201);
        } finally {
            jdbc.sql("drop trigger " + function + " on operations.operation").update();
            jdbc.sql("drop function operations." + function + "()").update();
        }
        var after = api().post("/api/v1/operations", slow.json(), "Idempotency-Key", key);
        assertThat(after.status()).isEqualTo(201);
        assertThat(after.header("Idempotency-Replayed")).isEqualTo("true");
    }

    @Test
    void makesTransitionsSafeToRetry() {
        String id = create(Operations.withdrawal()).get("id").asString();
        String key = UUID.randomUUID().toString();

        var first = api().post(
                        "/api/v1/operations/" + id + "/transitions",
                        "{\"to\":\"under_review\"}",
                        "Idempotency-Key",
                        key);
        var retry = api().post(
                        "/api/v1/operations/" + id + "/transitions",
                        "{\"to\":\"under_review\"}",
                        "Idempotency-Key",
                        key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(api().get("/api/v1/operations/" + id + "/history").json().get("items"))
                .hasSize(2);
    }

    /** Whether a request's insert is in the trigger's pg_sleep: the first request has claimed its key by then. */
    private boolean insertIsSleeping() {
        return jdbc.sql("select count(*) from pg_stat_activity"
                                + " where datname = current_database() and wait_event = 'PgSleep'")
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Test
    void aRefusalWhosePartMustCommitIsStoredOnlyWithThatPartCommitted() {
        String id = create(Operations.withdrawal().amount("2500.00", "EUR"))
                .get("id")
                .asString();
        api().post("/api/v1/operations/" + id + "/transitions", "{\"to\":\"under_review\"}");
        String request = apiWith("withdrawal:view", "withdrawal:transition:approved")
                .post(
                        "/api/v1/operations/" + id + "/transitions",
                        "{\"to\":\"approved\",\"reason\":\"documents checked\"}")
                .json()
                .get("id")
                .asString();
        // moved behind the request's back: approving finds it void, and the void must commit with the refusal
        jdbc.sql("update operations.operation set stage_entered_at = stage_entered_at + interval '1 second'"
                        + " where id = ?")
                .param(UUID.fromString(id))
                .update();
        ApiClient checker = apiWith("withdrawal:view", "withdrawal:approve");
        String key = UUID.randomUUID().toString();

        var first = checker.post("/api/v1/approvals/" + request + "/approve", "{}", "Idempotency-Key", key);
        var replay = checker.post("/api/v1/approvals/" + request + "/approve", "{}", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(409);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(api().get("/api/v1/approvals/" + request).json().get("state").asString())
                .as("the stored refusal says void: the void is in the database")
                .isEqualTo("VOID");
    }
}
