package org.opsdesk.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoking declared actions through the API on the test-only {@code test-widget} records: every invocation an
 * {@code account_action} (or {@code record_action}) operation with its history, four-eyes through the approvals,
 * the typed confirmation, availability, visibility, permissions, idempotency and the provider's answers.
 */
class ActionInvocationIntegrationTests extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.opsdesk.access.keys.ApiKeyStore keys;

    @AfterEach
    void resetTheProvider() {
        TestWidgets.nextAnswer = null;
        TestWidgets.providerConfigured = true;
        TestWidgets.providerThrows = false;
        TestWidgets.nodeDiesDuringTheCall = false;
    }

    private static String path(TestWidgets.Widget widget, String action) {
        return "/api/v1/test-widgets/" + widget.id() + "/actions/" + action;
    }

    private ApiClient.Response operation(String id) {
        return api().get("/api/v1/operations/" + id);
    }

    @Test
    void appliesALocalActionAtOnceWithItsChangesInTheHistory() {
        var widget = TestWidgets.widget("active");
        var answer = apiWith("action:test-widget.suspend")
                .post(
                        path(widget, "test-widget.suspend"),
                        "{\"input\":{\"until\":\"2027-01-31\"},\"reason\":\"fraud check\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var json = answer.json();
        assertThat(json.at("/operation/type").asString()).isEqualTo("account_action");
        assertThat(json.at("/operation/stage").asString()).isEqualTo("applied");
        assertThat(json.at("/operation/status").asString()).isEqualTo("SUCCESS");
        assertThat(json.at("/target/kind").asString()).isEqualTo("test-widget");
        assertThat(json.at("/target/id").asString()).isEqualTo(widget.id());
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("suspended");
        String id = json.at("/operation/id").asString();
        var attributes = operation(id).json().get("attributes");
        assertThat(attributes.get("actionId").asString()).isEqualTo("test-widget.suspend");
        assertThat(attributes.at("/input/until").asString()).isEqualTo("2027-01-31");
        assertThat(attributes.at("/applied/status").asString()).isEqualTo("suspended");
        // one history entry, the creation straight into 'applied', listing the maker's approval and the catalog's
        // outcome: no entry, row update or event per move
        var history = api().get("/api/v1/operations/" + id + "/history").json();
        assertThat(history.get("items")).as(history.toString()).hasSize(1);
        var created = history.at("/items/0");
        assertThat(created.get("kind").asString()).isEqualTo("created");
        assertThat(created.at("/to/stage").asString()).isEqualTo("applied");
        assertThat(created.get("reason").asString()).isEqualTo("fraud check");
        assertThat(created.at("/changes/attributes/applied/status").asString()).isEqualTo("suspended");
        assertThat(created.at("/changes/moves/0/to").asString()).isEqualTo("approved");
        assertThat(created.at("/changes/moves/0/reason").asString()).isEqualTo("fraud check");
        assertThat(created.at("/changes/moves/1/to").asString()).isEqualTo("applied");
        assertThat(created.at("/changes/moves/1/actorId").asString()).isEqualTo("action-catalog");
        assertThat(api().get("/api/v1/operations/" + id + "/history/verify")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void refusesAnActionNotAvailableInTheRecordsStateWith409AndItsReason() {
        var widget = TestWidgets.widget("closed");
        var answer = api().post(path(widget, "test-widget.suspend"), "{\"reason\":\"x\"}");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).endsWith("action-unavailable");
        assertThat(answer.json().get("detail").asString()).contains("closed");
    }

    @Test
    void answers404ForAHiddenRecordAnUnknownActionOrCollection() {
        var hidden = TestWidgets.hidden();
        assertThat(api().post(path(hidden, "test-widget.suspend"), "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        var widget = TestWidgets.widget("active");
        assertThat(api().post(path(widget, "test-widget.nope"), "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api().post("/api/v1/gizmos/1/actions/test-widget.suspend", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/api/v1/test-widgets/" + hidden.id() + "/actions").status())
                .isEqualTo(404);
    }

    @Test
    void refusesACallerWithoutTheActionsPermission() {
        var widget = TestWidgets.widget("active");
        var answer =
                apiWith("action:test-widget.close").post(path(widget, "test-widget.suspend"), "{\"reason\":\"x\"}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("action:test-widget.suspend");
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("active");
    }

    @Test
    void anIrreversibleActionNeedsTheTypedIdentifier() {
        var widget = TestWidgets.widget("active");
        var unconfirmed =
                api().post(path(widget, "test-widget.close"), "{\"reason\":\"closing\",\"confirm\":\"W-wrong\"}");
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.json().at("/errors/0/field").asString()).isEqualTo("confirm");
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("active");

        var confirmed = api().post(
                        path(widget, "test-widget.close"),
                        "{\"reason\":\"closing\",\"confirm\":\"" + widget.number() + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("closed");
    }

    @Test
    void aFourEyesActionWaitsForAnotherPersonThenApplies() {
        var widget = TestWidgets.widget("suspended");
        var maker = apiWith("action:test-widget.resume", "account_action:view", "account_action:approve");
        var asked = maker.post(path(widget, "test-widget.resume"), "{\"reason\":\"cleared\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().at("/operation/stage").asString()).isEqualTo("requested");
        assertThat(asked.json().at("/operation/status").asString()).isEqualTo("PENDING");
        assertThat(asked.json().at("/approvalRequest/requiredApprovals").asInt())
                .isEqualTo(1);
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("suspended");
        String request = asked.json().at("/approvalRequest/id").asString();
        String id = asked.json().at("/operation/id").asString();

        var byMaker = maker.post("/api/v1/approvals/" + request + "/approve", "{}");
        assertThat(byMaker.status()).isIn(403, 409);
        assertThat(api().get("/api/v1/approvals/" + request).json().get("state").asString())
                .isEqualTo("PENDING");

        var checker = apiWith("account_action:view", "account_action:approve");
        assertThat(checker.post("/api/v1/approvals/" + request + "/approve", "{}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(operation(id).json().get("stage").asString()).isEqualTo("applied"));
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("active");
    }

    @Test
    void aDeclinedRequestEndsTheInvocationDeclined() {
        var widget = TestWidgets.widget("suspended");
        var asked = apiWith("action:test-widget.resume")
                .post(path(widget, "test-widget.resume"), "{\"reason\":\"cleared\"}");
        assertThat(asked.status()).isEqualTo(202);
        String request = asked.json().at("/approvalRequest/id").asString();
        var checker = apiWith("account_action:view", "account_action:approve");
        assertThat(checker.post("/api/v1/approvals/" + request + "/decline", "{\"reason\":\"not cleared yet\"}")
                        .status())
                .isEqualTo(200);
        var declined = operation(asked.json().at("/operation/id").asString()).json();
        assertThat(declined.get("stage").asString()).isEqualTo("declined");
        assertThat(declined.get("status").asString()).isEqualTo("REJECTED");
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("suspended");
    }

    @Test
    void theTiersOnTheAmountDecideHowManyCheckers() {
        var widget = TestWidgets.widget("active");
        var small = api().post(path(widget, "test-widget.pay"), pay("999.99"));
        assertThat(small.status()).as(small.body()).isEqualTo(201);
        var middle = api().post(path(widget, "test-widget.pay"), pay("1000.01"));
        assertThat(middle.status()).isEqualTo(202);
        assertThat(middle.json().at("/approvalRequest/requiredApprovals").asInt())
                .isEqualTo(1);
        var large = api().post(path(widget, "test-widget.pay"), pay("5000.01"));
        assertThat(large.json().at("/approvalRequest/requiredApprovals").asInt())
                .isEqualTo(2);
        var amount =
                operation(large.json().at("/operation/id").asString()).json().get("amount");
        assertThat(amount.get("value").asString()).isEqualTo("5000.01");
    }

    private static String pay(String value) {
        return "{\"input\":{\"amount\":{\"value\":\"" + value + "\",\"currency\":\"BRL\"}},\"reason\":\"settle\"}";
    }

    @Test
    void replaysAnIdempotentInvocationInsteadOfActingTwice() {
        var widget = TestWidgets.widget("active");
        String key = "actions-" + UUID.randomUUID();
        var first = api().post(path(widget, "test-widget.pay"), pay("10.00"), "Idempotency-Key", key);
        var again = api().post(path(widget, "test-widget.pay"), pay("10.00"), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers()).containsEntry("idempotency-replayed", "true");
        assertThat(again.json().at("/operation/id").asString())
                .isEqualTo(first.json().at("/operation/id").asString());
    }

    @Test
    void providerDoneAppliesFailedErrsAndPendingWaitsForTheOutcome() {
        var widget = TestWidgets.widget("active");
        var done = api().post(path(widget, "test-widget.sync"), "{\"reason\":\"sync\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().at("/operation/stage").asString()).isEqualTo("applied");
        String doneId = done.json().at("/operation/id").asString();
        assertThat(TestWidgets.SENT.get(UUID.fromString(doneId))).containsEntry("widget", widget.id());
        assertThat(operation(doneId).json().at("/attributes/applied/balance").asString())
                .isEqualTo("12.00");

        TestWidgets.nextAnswer = new ProviderAnswer.Failed("account blocked at the bank");
        var failed = api().post(path(widget, "test-widget.sync"), "{\"reason\":\"sync\"}");
        assertThat(failed.json().at("/operation/stage").asString()).isEqualTo("failed");
        assertThat(failed.json().at("/operation/status").asString()).isEqualTo("ERROR");

        TestWidgets.nextAnswer = new ProviderAnswer.Pending("accepted");
        var pending = api().post(path(widget, "test-widget.sync"), "{\"reason\":\"sync\"}");
        assertThat(pending.json().at("/operation/stage").asString()).isEqualTo("at_provider");
        assertThat(pending.json().at("/operation/status").asString()).isEqualTo("PENDING");
        UUID pendingId = UUID.fromString(pending.json().at("/operation/id").asString());
        transactions.executeWithoutResult(s -> events.publishEvent(
                new ProviderOutcome(pendingId, new ProviderAnswer.Done(Map.of("balance", "7.00")), "callback")));
        assertThat(operation(pendingId.toString()).json().get("stage").asString())
                .isEqualTo("applied");

        var unknown = api().post(path(widget, "test-widget.sync"), "{\"reason\":\"sync\"}");
        UUID unknownId = UUID.fromString(unknown.json().at("/operation/id").asString());
        transactions.executeWithoutResult(s -> events.publishEvent(
                new ProviderOutcome(unknownId, new ProviderAnswer.Pending("no answer in 5 days"), "gave-up")));
        var gaveUp = operation(unknownId.toString()).json();
        assertThat(gaveUp.get("stage").asString()).isEqualTo("outcome_unknown");
        assertThat(gaveUp.get("status").asString()).isEqualTo("ERROR");

        TestWidgets.nextAnswer = null;
        TestWidgets.providerThrows = true;
        var broken = api().post(path(widget, "test-widget.sync"), "{\"reason\":\"sync\"}");
        assertThat(broken.status()).isEqualTo(201);
        assertThat(broken.json().at("/operation/stage").asString()).isEqualTo("outcome_unknown");
    }

    /**
     * A node that stops in the middle of a provider call leaves its invocation at {@code at_provider} with no answer
     * and nothing polling for one; once the call is overdue, a node sends it again with the same idempotency key
     * (the operation id) and applies the answer. Failed before the resend existed: the invocation stayed PENDING.
     */
    @Test
    void aCallCutShortByAStoppedNodeIsSentAgainAndApplied() {
        var widget = TestWidgets.widget("active");
        long before = jdbc.sql("select count(*) from actions.invocation")
                .query(Long.class)
                .single();
        TestWidgets.nodeDiesDuringTheCall = true;
        try {
            api().post(path(widget, "test-widget.sync"), "{\"reason\":\"sync\"}");
        } catch (RuntimeException cutShort) {
            // the request may end without an answer, as it would with its node gone
        }
        String id = jdbc.sql("select operation_id::text from actions.invocation where target_kind = 'test-widget'"
                        + " and target_id = ?")
                .param(widget.id())
                .query(String.class)
                .single();
        assertThat(jdbc.sql("select count(*) from actions.invocation")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
        assertThat(operation(id).json().get("stage").asString()).isEqualTo("at_provider");

        clock().advance(Duration.ofMinutes(3));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(operation(id).json().get("stage").asString()).isEqualTo("applied"));
        assertThat(TestWidgets.SENDS.get(java.util.UUID.fromString(id))).isEqualTo(2);
        assertThat(operation(id).json().get("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void withoutAProviderAProviderActionIsRefusedAndNothingStored() {
        TestWidgets.providerConfigured = false;
        var widget = TestWidgets.widget("active");
        long before = jdbc.sql("select count(*) from actions.invocation")
                .query(Long.class)
                .single();
        var answer = api().post(path(widget, "test-widget.sync"), "{\"reason\":\"sync\"}");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("type").asString()).endsWith("no-provider");
        assertThat(answer.json().get("detail").asString()).contains("no provider configured");
        assertThat(jdbc.sql("select count(*) from actions.invocation")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void createsAndDeletesThroughTheirActions() {
        var created = api().post(
                        "/api/v1/test-widgets/actions/test-widget.create",
                        "{\"input\":{\"name\":\"Gizmo\"},\"reason\":\"new\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/operation/type").asString()).isEqualTo("record_action");
        String id = created.json().at("/target/id").asString();
        assertThat(TestWidgets.WIDGETS).containsKey(id);

        var deleted = api().delete("/api/v1/test-widgets/" + id + "?reason=gone");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(201);
        assertThat(TestWidgets.WIDGETS.get(id).state()).isEqualTo("deleted");
        assertThat(api().delete("/api/v1/operations/" + UUID.randomUUID()).status())
                .isEqualTo(405);
    }

    @Test
    void listsTheCatalogAndTheActionsAvailableOnARecordByPermission() {
        var onlySuspend = apiWith("action:test-widget.suspend");
        var catalog = onlySuspend.get("/api/v1/actions").json().get("items");
        var ids = new java.util.ArrayList<String>();
        catalog.forEach(entry -> ids.add(entry.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("test-widget.suspend", "permission.list");
        assertThat(catalog.toString()).contains("\"until\"", "\"date\"", "/api/v1/permissions");
        var admin = api().get("/api/v1/actions").json().get("items").toString();
        assertThat(admin).contains("operator.create", "/api/v1/operators", "operators:manage", "test-widget.pay");

        var widget = TestWidgets.widget("active");
        var available = api().get("/api/v1/test-widgets/" + widget.id() + "/actions")
                .json()
                .get("items")
                .toString();
        assertThat(available)
                .contains("test-widget.suspend", "test-widget.close")
                .doesNotContain("test-widget.resume");
    }

    @Test
    void eachDeclaredActionIsAPermissionGroupedByItsCategoryAndGivenToItsRoles() {
        var permissions = api().get("/api/v1/permissions").json().get("items");
        var suspend = java.util.stream.StreamSupport.stream(permissions.spliterator(), false)
                .filter(p -> p.get("name").asString().equals("action:test-widget.suspend"))
                .findFirst()
                .orElseThrow();
        assertThat(suspend.get("group").asString()).isEqualTo("Other");
        var supervisor =
                api().get("/api/v1/roles/supervisor").json().get("permissions").toString();
        assertThat(supervisor).contains("action:test-widget.suspend", "action:test-widget.pay");
    }

    /** An action permission has a '.' in it: roles and keys are given it like any other (failed before the fix). */
    @Test
    void aRoleAndAKeyMayBeGivenAnActionPermission() {
        String role = "actions-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"" + role + "\",\"permissions\":[\"action:test-widget.suspend\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var key = api().post(
                        "/api/v1/api-keys",
                        "{\"name\":\"actions key\",\"permissions\":[\"action:test-widget.suspend\"]}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
    }

    /**
     * An approved action applies in its maker's name, so the maker must still hold {@code action:<id>} then: a
     * maker whose key was revoked meanwhile leaves the request void and the record untouched.
     */
    @Test
    void anApprovalOfAMakerWhoLostTheActionIsVoid() {
        var widget = TestWidgets.widget("suspended");
        String secret = org.opsdesk.access.keys.ApiKeySecrets.generate();
        UUID makerKey = keys.create(
                "maker " + UUID.randomUUID(),
                secret,
                java.util.List.of("action:test-widget.resume"),
                java.time.Instant.now().plus(Duration.ofDays(1)),
                "tests",
                java.time.Instant.now());
        var asked = api().withKey(secret).post(path(widget, "test-widget.resume"), "{\"reason\":\"cleared\"}");
        assertThat(asked.status()).isEqualTo(202);
        keys.revoke(makerKey, java.time.Instant.now());

        var approved = apiWith("account_action:view", "account_action:approve")
                .post(
                        "/api/v1/approvals/"
                                + asked.json().at("/approvalRequest/id").asString() + "/approve",
                        "{}");
        assertThat(approved.status()).isEqualTo(409);
        assertThat(approved.json().get("reasonCode").asString()).isEqualTo("maker-out-of-standing");
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("suspended");
    }

    /** A provider action under four-eyes asks the provider only once approved, outside the relay's transaction. */
    @Test
    void anApprovedProviderActionIsSentThenApplied() {
        var widget = TestWidgets.widget("active");
        var asked = apiWith("action:test-widget.sync-checked")
                .post(path(widget, "test-widget.sync-checked"), "{\"reason\":\"sync\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        UUID id = UUID.fromString(asked.json().at("/operation/id").asString());
        assertThat(TestWidgets.SENT).doesNotContainKey(id);

        var checker = apiWith("account_action:view", "account_action:approve");
        assertThat(checker.post(
                                "/api/v1/approvals/"
                                        + asked.json().at("/approvalRequest/id").asString() + "/approve",
                                "{}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        operation(id.toString()).json().get("stage").asString())
                .isEqualTo("applied"));
        assertThat(TestWidgets.SENT.get(id)).containsEntry("widget", widget.id());
    }
}
