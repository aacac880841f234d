package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import tools.jackson.databind.JsonNode;

/** Claiming, releasing and reassigning operations, and the queues built on them, over real HTTP. */
class AssignmentIntegrationTests extends IntegrationTest {

    @Test
    void claimsAnUnassignedOperationForTheCaller() {
        String id = withdrawal();
        var agent = agent();

        var claimed = agent.post("/api/v1/operations/" + id + "/claim", "");

        assertThat(claimed.status()).isEqualTo(200);
        String assignee = claimed.json().get("assignee").asString();
        assertThat(claimed.header("ETag")).isEqualTo("\"2\"");
        var entry = lastHistoryEntry(id);
        assertThat(entry.get("kind").asString()).isEqualTo("assigned");
        assertThat(entry.get("actor").get("id").asString()).isEqualTo(assignee);
        assertThat(entry.get("changes").get("action").asString()).isEqualTo("claim");
        assertThat(entry.get("changes").get("assignee").asString()).isEqualTo(assignee);
        assertThat(entry.get("changes").get("previousAssignee").isNull()).isTrue();
    }

    @Test
    void refusesToClaimAnOperationSomeoneHasAlready() {
        String id = withdrawal();
        String first = agent().post("/api/v1/operations/" + id + "/claim", "")
                .json()
                .get("assignee")
                .asString();

        var second = agent().post("/api/v1/operations/" + id + "/claim", "");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:already-assigned");
        assertThat(second.json().get("assignee").asString()).isEqualTo(first);
        assertThat(assignee(id)).isEqualTo(first);
    }

    @Test
    void refusesToClaimWithoutTheClaimPermission() {
        String id = withdrawal();

        var response = apiWith("withdrawal:view").post("/api/v1/operations/" + id + "/claim", "");

        assertThat(response.status()).isEqualTo(403);
        assertThat(assignee(id)).isNull();
    }

    @Test
    void letsTheAssigneeReleaseTheOperation() {
        String id = withdrawal();
        var agent = agent();
        String me = agent.post("/api/v1/operations/" + id + "/claim", "")
                .json()
                .get("assignee")
                .asString();

        var released = agent.post("/api/v1/operations/" + id + "/release", "{\"reason\":\"end of shift\"}");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("assignee").isNull()).isTrue();
        var entry = lastHistoryEntry(id);
        assertThat(entry.get("kind").asString()).isEqualTo("assigned");
        assertThat(entry.get("reason").asString()).isEqualTo("end of shift");
        assertThat(entry.get("changes").get("action").asString()).isEqualTo("release");
        assertThat(entry.get("changes").get("previousAssignee").asString()).isEqualTo(me);
        assertThat(entry.get("changes").get("assignee").isNull()).isTrue();
    }

    @Test
    void refusesAReleaseBySomeoneElseWithoutTheAssignPermission() {
        String id = withdrawal();
        String holder = agent().post("/api/v1/operations/" + id + "/claim", "")
                .json()
                .get("assignee")
                .asString();

        var byColleague = agent().post("/api/v1/operations/" + id + "/release", "");
        var bySupervisor = supervisor().post("/api/v1/operations/" + id + "/release", "");

        assertThat(byColleague.status()).isEqualTo(403);
        assertThat(byColleague.json().get("permission").asString()).isEqualTo("withdrawal:assign");
        assertThat(bySupervisor.status()).isEqualTo(200);
        assertThat(bySupervisor.json().get("assignee").isNull()).isTrue();
        assertThat(lastHistoryEntry(id).get("changes").get("previousAssignee").asString())
                .isEqualTo(holder);
    }

    @Test
    void refusesToReleaseAnUnassignedOperation() {
        String id = withdrawal();

        var response = supervisor().post("/api/v1/operations/" + id + "/release", "");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:not-assigned");
    }

    @Test
    void assignsOnlyActiveOperatorsWhoCanSeeTheType() {
        String id = withdrawal();
        api().post("/api/v1/roles", "{\"name\":\"deposits-only\",\"permissions\":[\"deposit:view\"]}");
        ensureOperator("dora", "deposits-only");
        ensureOperator("gone", "cashier");
        api().post("/api/v1/operators/gone/disable", "");
        for (String assignee : new String[] {"nobody-by-that-name", "dora", "gone"}) {
            var refused = supervisor()
                    .send(
                            "PUT",
                            "/api/v1/operations/" + id + "/assignee",
                            ("{\"assignee\":\"" + assignee + "\"}").getBytes(),
                            "Content-Type",
                            "application/json");
            assertThat(refused.status()).as(assignee).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("assignee");
        }
    }

    @Test
    void letsASupervisorReassignAndRecordsBothAssignees() {
        ensureOperator("maria", "cashier");
        String id = withdrawal();
        String claimer = agent().post("/api/v1/operations/" + id + "/claim", "")
                .json()
                .get("assignee")
                .asString();

        var reassigned = supervisor()
                .send(
                        "PUT",
                        "/api/v1/operations/" + id + "/assignee",
                        "{\"assignee\":\"maria\",\"reason\":\"needs a senior\"}".getBytes(),
                        "Content-Type",
                        "application/json");

        assertThat(reassigned.status()).isEqualTo(200);
        assertThat(reassigned.json().get("assignee").asString()).isEqualTo("maria");
        var entry = lastHistoryEntry(id);
        assertThat(entry.get("changes").get("action").asString()).isEqualTo("assign");
        assertThat(entry.get("changes").get("previousAssignee").asString()).isEqualTo(claimer);
        assertThat(entry.get("changes").get("assignee").asString()).isEqualTo("maria");
        assertThat(agent().post("/api/v1/operations/" + id + "/claim", "").status())
                .isEqualTo(409);
    }

    @Test
    void listsTheCallersOwnQueueWithAssigneeMe() {
        var agent = agent();
        String mine = withdrawal();
        String someoneElses = withdrawal();
        String me = agent.post("/api/v1/operations/" + mine + "/claim", "")
                .json()
                .get("assignee")
                .asString();
        agent().post("/api/v1/operations/" + someoneElses + "/claim", "");

        var page = agent.get("/api/v1/operations?assignee=me&limit=500");

        assertThat(ids(page)).containsExactly(mine);
        assertThat(page.json().get("items").get(0).get("assignee").asString()).isEqualTo(me);
    }

    @Test
    void listsUnassignedOperationsOnlyOfTypesTheCallerMayView() {
        String waiting = withdrawal();
        String taken = withdrawal();
        agent().post("/api/v1/operations/" + taken + "/claim", "");
        String loan =
                create(Operations.of("loan").amount("1500.00", "EUR")).get("id").asString();
        var withdrawalDesk = apiWith("withdrawal:view", "withdrawal:claim");
        var loanDesk = apiWith("loan:view", "loan:claim");

        var withdrawals = withdrawalDesk.get("/api/v1/operations?unassigned=true&limit=500");
        var loans = loanDesk.get("/api/v1/operations?unassigned=true&limit=500");

        assertThat(ids(withdrawals)).contains(waiting).doesNotContain(taken, loan);
        assertThat(withdrawals.json().get("items")).allSatisfy(item -> {
            assertThat(item.get("assignee").isNull()).isTrue();
            assertThat(item.get("type").asString()).isEqualTo("withdrawal");
        });
        assertThat(ids(loans)).contains(loan).doesNotContain(waiting, taken);
        assertThat(loans.json().get("items"))
                .allSatisfy(item -> assertThat(item.get("type").asString()).isEqualTo("loan"));
        assertThat(loanDesk.post("/api/v1/operations/" + waiting + "/claim", "").status())
                .as("an operation of a type the caller may not view cannot be claimed")
                .isEqualTo(404);
        assertThat(assignee(waiting)).isNull();
    }

    @Test
    void refusesUnassignedTogetherWithAnAssignee() {
        var response = api().get("/api/v1/operations?unassigned=true&assignee=me");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("unassigned");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String withdrawal() {
        return create(Operations.withdrawal()).get("id").asString();
    }

    private ApiClient agent() {
        return apiWith("withdrawal:view", "withdrawal:claim");
    }

    private ApiClient supervisor() {
        return apiWith("withdrawal:view", "withdrawal:assign");
    }

    private String assignee(String id) {
        var assignee = api().get("/api/v1/operations/" + id).json().get("assignee");
        return assignee.isNull() ? null : assignee.asString();
    }

    private JsonNode lastHistoryEntry(String id) {
        var items = api().get("/api/v1/operations/" + id + "/history").json().get("items");
        return items.get(items.size() - 1);
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
