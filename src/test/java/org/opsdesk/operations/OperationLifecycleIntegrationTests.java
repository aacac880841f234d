package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;

class OperationLifecycleIntegrationTests extends IntegrationTest {

    @Test
    void createsAnOperationInItsInitialStage() {
        var response = api().post(
                        "/api/v1/operations",
                        Operations.withdrawal()
                                .amount("250.5", "EUR")
                                .attributes("{\"iban\":\"NL91ABNA0417164300\",\"fee\":0.10}")
                                .json());

        assertThat(response.status()).isEqualTo(201);
        var operation = response.json();
        assertThat(response.header("Location"))
                .isEqualTo("/api/v1/operations/" + operation.get("id").asString());
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(operation.get("status").asString()).isEqualTo("PENDING");
        assertThat(operation.get("stage").asString()).isEqualTo("requested");
        assertThat(operation.get("amount").get("value").asString()).isEqualTo("250.50");
        assertThat(operation.get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(operation.get("attributes").get("fee").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(operation.get("version").asLong()).isEqualTo(1);
        assertThat(operation.get("dueAt").isNull()).isFalse(); // requested has an SLA
    }

    @Test
    void movesThroughItsStagesAndKeepsAValidChainedHistory() {
        String id = create(Operations.withdrawal()).get("id").asString();

        assertThat(transition(id, "under_review", null).status()).isEqualTo(200);
        var rejected = transition(id, "rejected", "documents do not match the account holder");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("version").asLong()).isEqualTo(3);
        assertThat(rejected.header("ETag")).isEqualTo("\"3\"");

        var history = api().get("/api/v1/operations/" + id + "/history").json().get("items");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("kind").asString()).isEqualTo("created");
        assertThat(history.get(0).get("previousHash").isNull()).isTrue();
        assertThat(history.get(2).get("from").get("stage").asString()).isEqualTo("under_review");
        assertThat(history.get(2).get("to").get("status").asString()).isEqualTo("REJECTED");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("documents do not match the account holder");
        assertThat(history.get(2).get("actor").get("kind").asString()).isEqualTo("api_key");
        assertThat(history.get(2).get("requestId").asString()).isNotBlank();
        assertThat(history.get(2).get("previousHash").asString())
                .isEqualTo(history.get(1).get("hash").asString());

        var verification =
                api().get("/api/v1/operations/" + id + "/history/verify").json();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asInt()).isEqualTo(3);
        assertThat(verification.get("firstBrokenEntry").isNull()).isTrue();
    }

    @Test
    void writesOneOutboxEventPerStatusChangeAndRelaysIt() throws InterruptedException {
        String id = create(Operations.withdrawal()).get("id").asString();
        transition(id, "under_review", null);

        var events = jdbc.sql(
                        "select event_type, payload->>'toStage' from operations.outbox where operation_id = ? order by id")
                .param(java.util.UUID.fromString(id))
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
                .list();
        assertThat(events)
                .containsExactly("operation.status_changed:requested", "operation.status_changed:under_review");

        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                                "select count(*) from operations.outbox where operation_id = ? and published_at is null")
                        .param(java.util.UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero());
    }

    @Test
    void refusesAMoveTheWorkflowDoesNotAllowWithTheCurrentStageAndVersion() {
        String id = create(Operations.withdrawal()).get("id").asString();

        var response = transition(id, "completed", null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("currentStage").asString()).isEqualTo("requested");
        assertThat(response.json().get("currentVersion").asLong()).isEqualTo(1);
    }

    @Test
    void refusesAStaleVersionWith412() {
        String id = create(Operations.withdrawal()).get("id").asString();
        transition(id, "under_review", null);

        var response =
                api().post("/api/v1/operations/" + id + "/transitions", "{\"to\":\"approved\"}", "If-Match", "\"1\"");

        assertThat(response.status()).isEqualTo(412);
        assertThat(response.json().get("currentStage").asString()).isEqualTo("under_review");
        assertThat(response.json().get("currentVersion").asLong()).isEqualTo(2);
    }

    @Test
    void requiresAReasonForAMoveIntoRejected() {
        String id = create(Operations.withdrawal()).get("id").asString();
        transition(id, "under_review", null);

        var response = transition(id, "rejected", null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(api().get("/api/v1/operations/" + id).json().get("stage").asString())
                .isEqualTo("under_review");
    }

    @Test
    void refusesAMoveWithoutItsPermission() {
        String id = create(Operations.withdrawal()).get("id").asString();
        var viewer = apiWith("withdrawal:view");

        var response = viewer.post("/api/v1/operations/" + id + "/transitions", "{\"to\":\"cancelled\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("permission").asString()).isEqualTo("withdrawal:transition:cancelled");
    }

    @Test
    void hidesOperationsOfTypesTheCallerMayNotView() {
        String id = create(Operations.withdrawal()).get("id").asString();
        var depositDesk = apiWith("deposit:view", "deposit:create");

        assertThat(depositDesk.get("/api/v1/operations/" + id).status()).isEqualTo(404);
        assertThat(depositDesk
                        .post("/api/v1/operations/" + id + "/transitions", "{\"to\":\"cancelled\"}")
                        .status())
                .isEqualTo(404);
        var listed =
                depositDesk.get("/api/v1/operations?type=withdrawal").json().get("items");
        assertThat(listed).isEmpty();
    }

    @Test
    void requiresOverrideAndReasonForAPersonForcingASystemMove() {
        String id = create(Operations.withdrawal()).get("id").asString();
        // an API key takes the system move requested -> under_review with its plain permission
        var integration = apiWith("withdrawal:view", "withdrawal:transition:under_review");
        assertThat(integration
                        .post("/api/v1/operations/" + id + "/transitions", "{\"to\":\"under_review\"}")
                        .status())
                .isEqualTo(200);

        String timerId = create(Operations.exchangeOrder()).get("id").asString();
        var forcer = apiWith("exchange_order:view", "exchange_order:transition:expired:override");
        assertThat(forcer.post("/api/v1/operations/" + timerId + "/transitions", "{\"to\":\"expired\"}")
                        .status())
                .isEqualTo(422);
        var forced = forcer.post(
                "/api/v1/operations/" + timerId + "/transitions",
                "{\"to\":\"expired\",\"reason\":\"client asked to drop it\"}");
        assertThat(forced.status()).isEqualTo(200);
        var last = api().get("/api/v1/operations/" + timerId + "/history")
                .json()
                .get("items")
                .get(1);
        assertThat(last.get("override").asBoolean()).isTrue();
    }

    @Test
    void listsTheTransitionsTheCallerMayTakeNow() {
        String id = create(Operations.withdrawal()).get("id").asString();
        var canCancel = apiWith("withdrawal:view", "withdrawal:transition:cancelled");

        var moves = canCancel
                .get("/api/v1/operations/" + id + "/transitions")
                .json()
                .get("items");

        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).get("to").asString()).isEqualTo("cancelled");
        assertThat(moves.get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(moves.get(0).get("reasonRequired").asBoolean()).isTrue();
    }

    @Test
    void refusesASecondOperationWithTheSameTypeAndReference() {
        var withdrawal = Operations.withdrawal();
        String id = create(withdrawal).get("id").asString();

        var response = api().post("/api/v1/operations", withdrawal.json());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("existingId").asString()).isEqualTo(id);
    }

    @Test
    void recordsAssignmentAndAttributeEditsInHistory() {
        ensureOperator("ann", "cashier");
        String id = create(Operations.withdrawal().attributes("{\"channel\":\"web\",\"note\":{\"a\":1}}"))
                .get("id")
                .asString();

        var assigned = api().send(
                        "PUT",
                        "/api/v1/operations/" + id + "/assignee",
                        "{\"assignee\":\"ann\"}".getBytes(),
                        "Content-Type",
                        "application/json");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").asString()).isEqualTo("ann");

        var edited = api().send(
                        "PATCH",
                        "/api/v1/operations/" + id,
                        "{\"attributes\":{\"channel\":null,\"note\":{\"b\":2}},\"reason\":\"fix\"}".getBytes(),
                        "Content-Type",
                        "application/merge-patch+json",
                        "If-Match",
                        "\"2\"");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("attributes").has("channel")).isFalse();
        assertThat(edited.json().get("attributes").get("note").get("a").asInt()).isEqualTo(1);
        assertThat(edited.json().get("attributes").get("note").get("b").asInt()).isEqualTo(2);

        var kinds = api().get("/api/v1/operations/" + id + "/history")
                .json()
                .get("items")
                .valueStream()
                .map(e -> e.get("kind").asString())
                .toList();
        assertThat(kinds).containsExactly("created", "assigned", "attributes_changed");
        assertThat(api().get("/api/v1/operations/" + id + "/history/verify")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void pagesThroughAFilteredListWithACursor() {
        String subject = "pager-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            create(Operations.withdrawal().subject(subject));
        }
        create(Operations.of("deposit").subject(subject).amount("10.00", "EUR"));

        var first = api().get("/api/v1/operations?subject=" + subject + "&type=withdrawal&status=PENDING&limit=2")
                .json();
        assertThat(first.get("items")).hasSize(2);
        var second = api().get(
                        "/api/v1/operations?subject=" + subject + "&type=withdrawal&status=PENDING&limit=2&cursor="
                                + first.get("nextCursor").asString())
                .json();
        var third = api().get(
                        "/api/v1/operations?subject=" + subject + "&type=withdrawal&status=PENDING&limit=2&cursor="
                                + second.get("nextCursor").asString())
                .json();

        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("nextCursor").isNull()).isTrue();
        var ids = new java.util.HashSet<String>();
        for (var page : java.util.List.of(first, second, third)) {
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void describesWorkflowsForIntegrators() {
        var workflow = api().get("/api/v1/workflows/withdrawal").json();

        assertThat(workflow.get("initialStage").asString()).isEqualTo("requested");
        assertThat(workflow.get("version").asInt()).isPositive();
        assertThat(workflow.get("stages").valueStream().map(s -> s.get("code").asString()))
                .contains("requested", "under_review", "approved", "sent", "completed", "rejected", "failed");
        var expiry = api().get("/api/v1/workflows/exchange_order")
                .json()
                .get("transitions")
                .valueStream()
                .filter(t -> t.get("trigger").asString().equals("timer"))
                .findFirst()
                .orElseThrow();
        assertThat(expiry.get("to").asString()).isEqualTo("expired");
        assertThat(expiry.get("after").asString()).isEqualTo("PT2S"); // the test override directory wins
        assertThat(api().get("/api/v1/workflows").json().get("items").size()).isGreaterThanOrEqualTo(12);
    }
}
