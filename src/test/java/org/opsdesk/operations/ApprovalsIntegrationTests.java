package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Four-eyes approvals over real HTTP: a withdrawal above 1,000 EUR waits for one checker, above 50,000 EUR for two
 * distinct ones; the maker never counts; the move applies once, attributed to the maker with the checkers listed,
 * and everything shows in the operation's verifiable history.
 */
class ApprovalsIntegrationTests extends IntegrationTest {

    private static final String MAKER_PERMISSIONS = "withdrawal:transition:approved";

    @Value("${opsdesk.approvals.overdue-after}")
    Duration overdueAfter;

    // ---- opening a request --------------------------------------------------------------------------------------

    @Test
    void opensAnApprovalRequestInsteadOfMovingAWithdrawalAboveTheThreshold() {
        String id = underReview("2500.00", "EUR");
        var maker = maker();

        var response = ask(maker, id, "approved");

        assertThat(response.status()).isEqualTo(202);
        var request = response.json();
        assertThat(response.header("Location"))
                .isEqualTo("/api/v1/approvals/" + request.get("id").asString());
        assertThat(request.get("operationId").asString()).isEqualTo(id);
        assertThat(request.get("operationType").asString()).isEqualTo("withdrawal");
        assertThat(request.get("fromStage").asString()).isEqualTo("under_review");
        assertThat(request.get("toStage").asString()).isEqualTo("approved");
        assertThat(request.get("amount").get("value").asString()).isEqualTo("2500.00");
        assertThat(request.get("reason").asString()).isEqualTo("documents checked");
        assertThat(request.get("maker").get("kind").asString()).isEqualTo("api_key");
        assertThat(request.get("requiredApprovals").asInt()).isEqualTo(1);
        assertThat(request.get("approvals")).isEmpty();
        assertThat(request.get("state").asString()).isEqualTo("PENDING");
        assertThat(request.get("overdue").asBoolean()).isFalse();
        assertThat(request.get("decidedAt").isNull()).isTrue();

        var operation = api().get("/api/v1/operations/" + id).json();
        assertThat(operation.get("stage").asString()).isEqualTo("under_review");
        assertThat(kinds(id)).containsExactly("created", "transitioned", "approval_requested");
        assertThat(api().get("/api/v1/approvals/" + request.get("id").asString())
                        .json())
                .isEqualTo(request);
    }

    @Test
    void appliesAMoveAtOrBelowTheThresholdAtOnce() {
        String id = underReview("1000.00", "EUR");

        var response = ask(maker(), id, "approved");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("stage").asString()).isEqualTo("approved");
        assertThat(kinds(id)).containsExactly("created", "transitioned", "transitioned");
    }

    @Test
    void refusesASecondPendingRequestForTheSameMoveNamingTheFirst() {
        String id = underReview("2500.00", "EUR");
        String first = ask(maker(), id, "approved").json().get("id").asString();

        var second = ask(maker(), id, "approved");

        assertThat(second.status()).isEqualTo(409);
        assertProblem(second, "approval-already-pending");
        assertThat(second.json().get("existingId").asString()).isEqualTo(first);
    }

    @Test
    void saysWhichMovesNeedApprovalAndHowMany() {
        String big = underReview("60000.00", "EUR");
        String small = underReview("10.00", "EUR");
        var maker = apiWith("withdrawal:view", MAKER_PERMISSIONS, "withdrawal:transition:cancelled");

        var bigMoves = movesByTarget(maker.get("/api/v1/operations/" + big + "/transitions"));
        var smallMoves = movesByTarget(maker.get("/api/v1/operations/" + small + "/transitions"));

        assertThat(bigMoves.get("approved").get("fourEyes").asBoolean()).isTrue();
        assertThat(bigMoves.get("approved").get("requiredApprovals").asInt()).isEqualTo(2);
        assertThat(bigMoves.get("cancelled").get("fourEyes").asBoolean()).isFalse();
        assertThat(bigMoves.get("cancelled").get("requiredApprovals").asInt()).isZero();
        assertThat(smallMoves.get("approved").get("fourEyes").asBoolean()).isFalse();
        assertThat(smallMoves.get("approved").get("requiredApprovals").asInt()).isZero();
    }

    @Test
    void showsTheFourEyesPolicyInTheWorkflowDefinition() {
        var transitions = api().get("/api/v1/workflows/withdrawal").json().get("transitions");
        JsonNode approved = null;
        for (JsonNode t : transitions) {
            if (t.get("from").asString().equals("under_review")
                    && t.get("to").asString().equals("approved")) {
                approved = t;
            }
        }

        assertThat(approved).isNotNull();
        assertThat(approved.get("fourEyes").asBoolean()).isTrue();
        assertThat(approved.get("fourEyesTiers")).hasSize(2);
        assertThat(approved.get("fourEyesTiers").get(0).get("above").get("EUR").asString())
                .isEqualTo("1000.00");
        assertThat(approved.get("fourEyesTiers").get(1).get("approvals").asInt())
                .isEqualTo(2);
    }

    // ---- who may decide -----------------------------------------------------------------------------------------

    @Test
    void refusesApprovalOrDeclineByTheMaker() {
        String id = underReview("2500.00", "EUR");
        var maker = apiWith("withdrawal:view", MAKER_PERMISSIONS, "withdrawal:approve");
        String request = ask(maker, id, "approved").json().get("id").asString();

        var approve = maker.post("/api/v1/approvals/" + request + "/approve", "{}");
        var decline = maker.post("/api/v1/approvals/" + request + "/decline", "{\"reason\":\"changed my mind\"}");

        assertThat(approve.status()).isEqualTo(403);
        assertProblem(approve, "maker-cannot-approve");
        assertThat(decline.status()).isEqualTo(403);
        assertProblem(decline, "maker-cannot-approve");
        assertThat(state(request)).isEqualTo("PENDING");
        assertThat(stage(id)).isEqualTo("under_review");
    }

    @Test
    void refusesACheckerWithoutTheApprovePermissionForTheType() {
        String id = underReview("2500.00", "EUR");
        String request = ask(maker(), id, "approved").json().get("id").asString();
        var viewer = apiWith("withdrawal:view");
        var loanChecker = apiWith("withdrawal:view", "loan:view", "loan:approve");

        var byViewer = viewer.post("/api/v1/approvals/" + request + "/approve", "{}");
        var byLoanChecker = loanChecker.post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(byLoanChecker.status()).isEqualTo(403);
        assertThat(byLoanChecker.json().get("permission").asString()).isEqualTo("withdrawal:approve");
        assertThat(state(request)).isEqualTo("PENDING");
    }

    @Test
    void hidesRequestsOfTypesTheCallerMayNotView() {
        String id = underReview("2500.00", "EUR");
        String request = ask(maker(), id, "approved").json().get("id").asString();
        var loanChecker = apiWith("loan:view", "loan:approve");

        assertThat(loanChecker.get("/api/v1/approvals/" + request).status()).isEqualTo(404);
        assertThat(loanChecker
                        .post("/api/v1/approvals/" + request + "/approve", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(ids(loanChecker.get("/api/v1/approvals?limit=500"))).doesNotContain(request);
        assertThat(state(request)).isEqualTo("PENDING");
    }

    // ---- approving ----------------------------------------------------------------------------------------------

    @Test
    void appliesTheMoveOnApprovalAttributedToTheMakerWithTheCheckerInAVerifiableHistory() {
        String id = underReview("2500.00", "EUR");
        var opened = ask(maker(), id, "approved").json();
        String request = opened.get("id").asString();

        var approved = checker().post("/api/v1/approvals/" + request + "/approve", "{\"comment\":\"limits fine\"}");

        assertThat(approved.status()).isEqualTo(200);
        var body = approved.json();
        assertThat(body.get("state").asString()).isEqualTo("APPROVED");
        assertThat(body.get("approvals")).hasSize(1);
        JsonNode checker = body.get("approvals").get(0);
        assertThat(checker.get("comment").asString()).isEqualTo("limits fine");
        assertThat(body.get("decidedAt").isNull()).isFalse();
        assertThat(stage(id)).isEqualTo("approved");

        var history = history(id);
        assertThat(kinds(id))
                .containsExactly("created", "transitioned", "approval_requested", "approval_given", "transitioned");
        JsonNode given = history.get(3);
        assertThat(given.get("actor").get("id").asString())
                .isEqualTo(checker.get("id").asString());
        assertThat(given.get("comment").asString()).isEqualTo("limits fine");
        JsonNode moved = history.get(4);
        assertThat(moved.get("actor").get("id").asString())
                .isEqualTo(opened.get("maker").get("id").asString());
        assertThat(moved.get("reason").asString()).isEqualTo("documents checked");
        assertThat(moved.get("to").get("stage").asString()).isEqualTo("approved");
        assertThat(moved.get("changes").get("approvalRequest").asString()).isEqualTo(request);
        assertThat(moved.get("changes").get("approvedBy").get(0).get("id").asString())
                .isEqualTo(checker.get("id").asString());
        assertThat(verify(id).get("valid").asBoolean()).isTrue();
        assertThat(statusEventsTo(id, "approved")).isEqualTo(1);
    }

    @Test
    void needsTwoDistinctCheckersAboveTheSecondTier() {
        String id = underReview("60000.00", "EUR");
        String request = ask(maker(), id, "approved").json().get("id").asString();
        var first = checker();
        var second = checker();

        var one = first.post("/api/v1/approvals/" + request + "/approve", "{}");
        var again = first.post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("state").asString()).isEqualTo("PENDING");
        assertThat(one.json().get("requiredApprovals").asInt()).isEqualTo(2);
        assertThat(one.json().get("approvals")).hasSize(1);
        assertThat(again.status()).isEqualTo(409);
        assertProblem(again, "already-approved");
        assertThat(stage(id)).isEqualTo("under_review");

        var two = second.post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(two.status()).isEqualTo(200);
        assertThat(two.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(two.json().get("approvals")).hasSize(2);
        assertThat(stage(id)).isEqualTo("approved");
        var moved = history(id).get(5);
        assertThat(moved.get("kind").asString()).isEqualTo("transitioned");
        assertThat(moved.get("changes").get("approvedBy")).hasSize(2);
        assertThat(verify(id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void appliesTheMoveExactlyOnceWhenTwoCheckersApproveAtOnce() throws Exception {
        String id = underReview("2500.00", "EUR");
        String request = ask(maker(), id, "approved").json().get("id").asString();
        var checkers = List.of(checker(), checker());
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var answers = new ArrayList<Future<ApiClient.Response>>();
            for (ApiClient checker : checkers) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return checker.post("/api/v1/approvals/" + request + "/approve", "{}");
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            ApiClient.Response refused = null;
            for (var answer : answers) {
                var response = answer.get(30, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() == 409) {
                    refused = response;
                }
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertProblem(refused, "approval-not-pending");
        } finally {
            pool.shutdownNow();
        }
        assertThat(stage(id)).isEqualTo("approved");
        assertThat(kinds(id).stream().filter("transitioned"::equals)).hasSize(2); // under_review, then approved
        assertThat(kinds(id).stream().filter("approval_given"::equals)).hasSize(1);
        assertThat(statusEventsTo(id, "approved")).isEqualTo(1);
        assertThat(verify(id).get("valid").asBoolean()).isTrue();
    }

    // ---- declining ----------------------------------------------------------------------------------------------

    @Test
    void declinesWithAReasonAndLeavesTheOperationWhereItWas() {
        String id = underReview("2500.00", "EUR");
        String request = ask(maker(), id, "approved").json().get("id").asString();
        var checker = checker();

        var declined =
                checker.post("/api/v1/approvals/" + request + "/decline", "{\"reason\":\"IBAN owner does not match\"}");

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().get("state").asString()).isEqualTo("DECLINED");
        assertThat(declined.json().get("declineReason").asString()).isEqualTo("IBAN owner does not match");
        assertThat(stage(id)).isEqualTo("under_review");
        assertThat(kinds(id)).containsExactly("created", "transitioned", "approval_requested", "approval_declined");
        assertThat(history(id).get(3).get("reason").asString()).isEqualTo("IBAN owner does not match");
        assertThat(verify(id).get("valid").asBoolean()).isTrue();

        var approveAfterwards = checker().post("/api/v1/approvals/" + request + "/approve", "{}");
        assertThat(approveAfterwards.status()).isEqualTo(409);
        assertProblem(approveAfterwards, "approval-not-pending");
        assertThat(ask(maker(), id, "approved").status())
                .as("a declined request does not block asking again")
                .isEqualTo(202);
    }

    @Test
    void requiresAReasonToDecline() {
        String id = underReview("2500.00", "EUR");
        String request = ask(maker(), id, "approved").json().get("id").asString();

        var response = checker().post("/api/v1/approvals/" + request + "/decline", "{}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(state(request)).isEqualTo("PENDING");
    }

    // ---- void requests ------------------------------------------------------------------------------------------

    @Test
    void voidsAPendingRequestWhenTheOperationMovesOn() {
        String id = underReview("2500.00", "EUR");
        String request = ask(maker(), id, "approved").json().get("id").asString();

        var cancelled = transition(id, "cancelled", "client withdrew the request");

        assertThat(cancelled.status()).isEqualTo(200);
        var voided = api().get("/api/v1/approvals/" + request).json();
        assertThat(voided.get("state").asString()).isEqualTo("VOID");
        assertThat(voided.get("voidReason").asString()).contains("moved from 'under_review' to 'cancelled'");
        var move = history(id).get(3);
        assertThat(move.get("kind").asString()).isEqualTo("transitioned");
        assertThat(move.get("changes").get("voidedApprovalRequests").get(0).asString())
                .isEqualTo(request);

        var approve = checker().post("/api/v1/approvals/" + request + "/approve", "{}");
        assertThat(approve.status()).isEqualTo(409);
        assertProblem(approve, "approval-void");
        assertThat(stage(id)).isEqualTo("cancelled");
        assertThat(verify(id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void voidsARequestAtApprovalWhenTheOperationMovedBehindItsBack() {
        String id = underReview("2500.00", "EUR");
        String request = ask(maker(), id, "approved").json().get("id").asString();
        // A writer outside Opsdesk's code (a restore, a manual fix) moved the operation out of the stage and back a
        // second later without voiding requests: the row says it entered the stage again at that moment.
        clock().advance(Duration.ofSeconds(1));
        jdbc.sql("update operations.operation set stage_entered_at = ? where id = ?")
                .params(clock().instant().atOffset(ZoneOffset.UTC), UUID.fromString(id))
                .update();

        var approve = checker().post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(approve.status()).isEqualTo(409);
        assertProblem(approve, "approval-void");
        assertThat(approve.json().get("voidReason").asString()).contains("moved on since the request");
        var stored = api().get("/api/v1/approvals/" + request).json();
        assertThat(stored.get("state").asString()).as("the void commits").isEqualTo("VOID");
        assertThat(stored.get("approvals")).isEmpty();
        assertThat(stage(id)).isEqualTo("under_review");
        assertThat(kinds(id)).containsExactly("created", "transitioned", "approval_requested", "approval_voided");
        assertThat(verify(id).get("valid").asBoolean()).isTrue();
    }

    // ---- the queue ----------------------------------------------------------------------------------------------

    @Test
    void flagsRequestsPendingLongerThanTheOverdueLimit() {
        String old = ask(maker(), underReview("2500.00", "EUR"), "approved")
                .json()
                .get("id")
                .asString();
        clock().advance(overdueAfter.plusMinutes(1));
        String fresh = ask(maker(), underReview("2500.00", "EUR"), "approved")
                .json()
                .get("id")
                .asString();

        assertThat(api().get("/api/v1/approvals/" + old).json().get("overdue").asBoolean())
                .isTrue();
        assertThat(api().get("/api/v1/approvals/" + fresh).json().get("overdue").asBoolean())
                .isFalse();
        var pending =
                api().get("/api/v1/approvals?state=pending&limit=500").json().get("items");
        assertThat(pending).anySatisfy(r -> {
            assertThat(r.get("id").asString()).isEqualTo(old);
            assertThat(r.get("overdue").asBoolean()).isTrue();
        });
    }

    @Test
    void filtersTheQueueByStateMineAndWaitingForMe() {
        var alice = apiWith("withdrawal:view", MAKER_PERMISSIONS, "withdrawal:approve");
        var bob = apiWith("withdrawal:view", MAKER_PERMISSIONS, "withdrawal:approve");
        var carol = checker();
        String alicesBig = ask(alice, underReview("60000.00", "EUR"), "approved")
                .json()
                .get("id")
                .asString();
        String alicesDeclined = ask(alice, underReview("2500.00", "EUR"), "approved")
                .json()
                .get("id")
                .asString();
        String bobsBig = ask(bob, underReview("60000.00", "EUR"), "approved")
                .json()
                .get("id")
                .asString();
        carol.post("/api/v1/approvals/" + alicesDeclined + "/decline", "{\"reason\":\"duplicate payout\"}");
        carol.post("/api/v1/approvals/" + bobsBig + "/approve", "{}");

        assertThat(ids(alice.get("/api/v1/approvals?mine=true"))).containsExactly(alicesDeclined, alicesBig);
        assertThat(ids(alice.get("/api/v1/approvals?mine=true&state=pending"))).containsExactly(alicesBig);
        assertThat(ids(alice.get("/api/v1/approvals?mine=true&state=DECLINED"))).containsExactly(alicesDeclined);
        assertThat(ids(alice.get("/api/v1/approvals?waitingForMe=true&limit=500")))
                .contains(bobsBig)
                .doesNotContain(alicesBig, alicesDeclined);
        assertThat(ids(carol.get("/api/v1/approvals?waitingForMe=true&limit=500")))
                .contains(alicesBig)
                .doesNotContain(alicesDeclined, bobsBig);
        assertThat(apiWith("withdrawal:view")
                        .get("/api/v1/approvals?waitingForMe=true")
                        .json()
                        .get("items"))
                .as("nobody waits for someone who cannot approve")
                .isEmpty();
        assertThat(api().get("/api/v1/approvals?state=declined&limit=500")
                        .json()
                        .get("items"))
                .allSatisfy(r -> assertThat(r.get("state").asString()).isEqualTo("DECLINED"));

        var firstPage = alice.get("/api/v1/approvals?mine=true&limit=1").json();
        var secondPage = alice.get("/api/v1/approvals?mine=true&limit=1&cursor="
                        + firstPage.get("nextCursor").asString())
                .json();
        assertThat(firstPage.get("items").get(0).get("id").asString()).isEqualTo(alicesDeclined);
        assertThat(secondPage.get("items").get(0).get("id").asString()).isEqualTo(alicesBig);
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void refusesAnUnknownStateFilter() {
        var response = api().get("/api/v1/approvals?state=maybe");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A withdrawal of this amount, moved by the integration into review. */
    private String underReview(String amount, String currency) {
        String id = create(Operations.withdrawal().amount(amount, currency))
                .get("id")
                .asString();
        var review = transition(id, "under_review", null);
        assertThat(review.status()).isEqualTo(200);
        return id;
    }

    private ApiClient maker() {
        return apiWith("withdrawal:view", MAKER_PERMISSIONS);
    }

    private ApiClient checker() {
        return apiWith("withdrawal:view", "withdrawal:approve");
    }

    private static ApiClient.Response ask(ApiClient maker, String id, String to) {
        return maker.post(
                "/api/v1/operations/" + id + "/transitions",
                "{\"to\":\"" + to + "\",\"reason\":\"documents checked\"}");
    }

    private String stage(String id) {
        return api().get("/api/v1/operations/" + id).json().get("stage").asString();
    }

    private String state(String request) {
        return api().get("/api/v1/approvals/" + request).json().get("state").asString();
    }

    private JsonNode history(String id) {
        return api().get("/api/v1/operations/" + id + "/history").json().get("items");
    }

    private List<String> kinds(String id) {
        var kinds = new ArrayList<String>();
        history(id).forEach(entry -> kinds.add(entry.get("kind").asString()));
        return kinds;
    }

    private JsonNode verify(String id) {
        return api().get("/api/v1/operations/" + id + "/history/verify").json();
    }

    private long statusEventsTo(String id, String stage) {
        return jdbc.sql("select count(*) from operations.outbox where operation_id = ? and payload->>'toStage' = ?")
                .params(UUID.fromString(id), stage)
                .query(Long.class)
                .single();
    }

    private static List<String> ids(ApiClient.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var ids = new ArrayList<String>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static java.util.Map<String, JsonNode> movesByTarget(ApiClient.Response response) {
        var moves = new java.util.HashMap<String, JsonNode>();
        response.json().get("items").forEach(move -> moves.put(move.get("to").asString(), move));
        return moves;
    }

    private static void assertProblem(ApiClient.Response response, String slug) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:" + slug);
    }
}
