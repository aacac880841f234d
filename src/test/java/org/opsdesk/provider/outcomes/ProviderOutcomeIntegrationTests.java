package org.opsdesk.provider.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.provider.FakeProvider.Reply;
import org.opsdesk.provider.ProviderPermissions;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.Operations;

/**
 * How a pending provider outcome ends, over real HTTP: the provider's signed callback (once; a bad signature
 * changes nothing), the resolver giving up when its schedule is spent, an operator's "check now", and a settlement
 * by hand that a second person must approve. Each ending is one {@code ProviderOutcome}, heard inside the
 * transaction that records it.
 */
class ProviderOutcomeIntegrationTests extends ProviderIntegrationTest {

    private static final String CALLBACK = "/api/v1/provider/outcomes";

    @Test
    void anAcceptedActionIsResolvedByTheProvidersSignedCallbackOnce() throws Exception {
        UUID operation = accepted("account.suspend");
        String body =
                "{\"operationId\":\"" + operation + "\",\"outcome\":\"done\",\"result\":{\"status\":\"suspended\"}}";

        var answer = callback(body, "msg_" + UUID.randomUUID().toString().replace("-", ""), Instant.now());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("state").asString()).isEqualTo("resolved");
        assertThat(answer.json().get("resolvedBy").asString()).isEqualTo("callback");
        var heard = outcomes.of(operation);
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).outcome().source()).isEqualTo("callback");
        assertThat(heard.get(0).outcome().answer()).isEqualTo(new ProviderAnswer.Done(Map.of("status", "suspended")));
        assertThat(heard.get(0).inTransaction()).isTrue();

        var replay = callback(body, "msg_replay", Instant.now());
        var failedLater = callback(
                "{\"operationId\":\"" + operation + "\",\"outcome\":\"failed\",\"reason\":\"changed its mind\"}",
                "msg_later",
                Instant.now());

        assertThat(replay.status()).isEqualTo(200);
        assertThat(failedLater.status()).isEqualTo(200);
        assertThat(failedLater.json().get("resolution").asString()).isEqualTo("done");
        assertThat(outcomes.of(operation)).as("no second event").hasSize(1);
    }

    @Test
    void aCallbackWithoutTheRightSignatureIsRefusedAndChangesNothing() throws Exception {
        UUID operation = accepted("account.suspend");
        String body = "{\"operationId\":\"" + operation + "\",\"outcome\":\"failed\",\"reason\":\"nope\"}";
        var anonymous = new ApiClient("http://127.0.0.1:" + port, null);
        String seconds = Long.toString(Instant.now().getEpochSecond());
        String otherSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

        var unsigned = anonymous.post(CALLBACK, body);
        var wrongSecret = anonymous.post(
                CALLBACK,
                body,
                "webhook-id",
                "msg_1",
                "webhook-timestamp",
                seconds,
                "webhook-signature",
                new Webhook(otherSecret).sign("msg_1", Long.parseLong(seconds), body));
        var tampered = anonymous.post(
                CALLBACK,
                body.replace("nope", "yes"),
                "webhook-id",
                "msg_2",
                "webhook-timestamp",
                seconds,
                "webhook-signature",
                new Webhook(PROVIDER_SECRET).sign("msg_2", Long.parseLong(seconds), body));
        var expired = callback(body, "msg_3", Instant.now().minus(Duration.ofMinutes(6)));
        var withAnApiKey = api().post(CALLBACK, body); // an administrator's key is no provider signature

        for (var refused : java.util.List.of(unsigned, wrongSecret, tampered, expired, withAnApiKey)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).endsWith("signature-invalid");
        }
        assertThat(outcomes.of(operation)).isEmpty();
        assertThat(store.find(operation).orElseThrow().state()).isEqualTo(PendingOutcome.State.PENDING);
    }

    @Test
    void aSignedCallbackAboutNoPendingActionIs404AndABadBodyIs422() throws Exception {
        var unknown = callback(
                "{\"operationId\":\"" + UUID.randomUUID() + "\",\"outcome\":\"done\"}", "msg_u", Instant.now());
        var bad = callback("{\"operationId\":\"x\",\"outcome\":\"perhaps\",\"result\":3}", "msg_b", Instant.now());
        var notJson = callback("[1", "msg_n", Instant.now());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("operationId", "outcome", "result");
        assertThat(notJson.status()).isEqualTo(422);
    }

    @Test
    void givesUpWhenTheScheduleIsSpentAndSaysTheOutcomeIsUnknown() {
        UUID operation = accepted("account.sync-status");
        // 1 min, 5 min, 1 h, then daily for 5 days: each check finds it still unknown (404)
        var waits = java.util.List.of(
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                Duration.ofDays(1),
                Duration.ofDays(1),
                Duration.ofDays(1),
                Duration.ofDays(1),
                Duration.ofDays(1));
        int checks = 0;
        for (Duration wait : waits) {
            clock().advance(wait.plusSeconds(1));
            int expected = ++checks;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.find(operation).orElseThrow().checksDone() == expected);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !outcomes.of(operation).isEmpty());
        var heard = outcomes.of(operation);
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).outcome().source()).isEqualTo("gave-up");
        assertThat(heard.get(0).outcome().answer())
                .isEqualTo(new ProviderAnswer.Pending("outcome unknown after 8 checks over 5 d 1 h 6 min"));
        var row = store.find(operation).orElseThrow();
        assertThat(row.state()).isEqualTo(PendingOutcome.State.GAVE_UP);
        assertThat(row.resolution()).isEqualTo("unknown");
        assertThat(row.lastAnswer()).contains("HTTP 404");
        assertThat(provider.seen("/actions/account.sync-status/" + operation)).hasSize(8);
    }

    @Test
    void anOperatorChecksNowAndAKnownOutcomeEndsTheWait() {
        UUID operation = accepted("account.read-balance");
        var checker = apiWith(ProviderPermissions.CHECK, "withdrawal:view");
        var before = checker.get("/api/v1/provider/outcomes/" + operation);

        var stillUnknown = checker.post("/api/v1/provider/outcomes/" + operation + "/check", "");
        provider.status(path -> Reply.of(200, "{\"outcome\":\"failed\",\"reason\":\"account closed\"}"));
        var known = checker.post("/api/v1/provider/outcomes/" + operation + "/check", "");

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("state").asString()).isEqualTo("pending");
        assertThat(before.json().get("nextCheckAt").asString()).isNotBlank();
        assertThat(stillUnknown.status()).isEqualTo(200);
        assertThat(stillUnknown.json().get("state").asString()).isEqualTo("pending");
        assertThat(stillUnknown.json().get("checksDone").asInt())
                .as("check now spends no scheduled check")
                .isZero();
        assertThat(stillUnknown.json().get("lastAnswer").asString()).contains("404");
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().get("state").asString()).isEqualTo("resolved");
        assertThat(known.json().get("resolvedBy").asString()).isEqualTo("check");
        var heard = outcomes.of(operation);
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).outcome().answer()).isEqualTo(new ProviderAnswer.Failed("account closed"));
        assertThat(heard.get(0).outcome().source()).isEqualTo("check");
        assertThat(apiWith("withdrawal:view")
                        .get("/api/v1/provider/outcomes/" + operation)
                        .status())
                .isEqualTo(403);
        assertThat(apiWith(ProviderPermissions.CHECK, "deposit:view")
                        .get("/api/v1/provider/outcomes/" + operation)
                        .status())
                .as("an operation the caller may not see")
                .isEqualTo(404);
    }

    @Test
    void aSettlementByHandNeedsASecondPerson() {
        UUID operation = accepted("account.cancel");
        var maker = keyOf(ensureOperator("settle.maker", "supervisor"), ProviderPermissions.SETTLE, "withdrawal:view");
        var makersOtherKey =
                keyOf(ensureOperator("settle.maker", "supervisor"), ProviderPermissions.SETTLE, "withdrawal:view");
        var checker =
                keyOf(ensureOperator("settle.checker", "supervisor"), ProviderPermissions.SETTLE, "withdrawal:view");

        var blank = maker.post("/api/v1/provider/outcomes/" + operation + "/settle", "{\"outcome\":\"done\"}");
        var asked = maker.post(
                "/api/v1/provider/outcomes/" + operation + "/settle",
                "{\"outcome\":\"done\",\"reason\":\"provider support confirmed by phone, ticket 8812\"}");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(asked.status()).isEqualTo(202);
        String settlement = asked.json().get("id").asString();
        assertThat(asked.header("location")).isEqualTo("/api/v1/provider/settlements/" + settlement);
        var second = maker.post(
                "/api/v1/provider/outcomes/" + operation + "/settle",
                "{\"outcome\":\"failed\",\"reason\":\"second thoughts\"}");
        assertThat(second.status()).isEqualTo(409);

        var byTheMaker = maker.post("/api/v1/provider/settlements/" + settlement + "/approve", "");
        var byTheMakersKey = makersOtherKey.post("/api/v1/provider/settlements/" + settlement + "/approve", "");
        assertThat(byTheMaker.status()).isEqualTo(403);
        assertThat(byTheMakersKey.status()).isEqualTo(403);
        assertThat(byTheMaker.json().get("type").asString()).endsWith("maker-cannot-approve");
        assertThat(outcomes.of(operation))
                .as("nothing applied before the approval")
                .isEmpty();

        var approved = checker.post("/api/v1/provider/settlements/" + settlement + "/approve", "");

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("approved");
        var heard = outcomes.of(operation);
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).outcome().source()).isEqualTo("settled");
        assertThat(heard.get(0).outcome().answer()).isInstanceOf(ProviderAnswer.Done.class);
        assertThat(checker.post("/api/v1/provider/settlements/" + settlement + "/approve", "")
                        .status())
                .isEqualTo(409);
        var history = api().get("/api/v1/operations/" + operation + "/history").body();
        assertThat(history)
                .contains("asks to settle it as done", "approved by key of settle.checker (operator:settle.checker)");
        assertThat(store.logKinds(operation))
                .containsExactly("pending", "settle-requested", "settle-approved", "resolved");
    }

    @Test
    void aDeclinedSettlementLeavesTheOutcomePending() {
        UUID operation = accepted("account.cancel");
        var maker = keyOf(ensureOperator("decline.maker", "supervisor"), ProviderPermissions.SETTLE, "withdrawal:view");
        var checker =
                keyOf(ensureOperator("decline.checker", "supervisor"), ProviderPermissions.SETTLE, "withdrawal:view");
        String settlement = maker.post(
                        "/api/v1/provider/outcomes/" + operation + "/settle",
                        "{\"outcome\":\"failed\",\"reason\":\"statement shows no debit\"}")
                .json()
                .get("id")
                .asString();

        var noReason = checker.post("/api/v1/provider/settlements/" + settlement + "/decline", "{}");
        var declined = checker.post(
                "/api/v1/provider/settlements/" + settlement + "/decline", "{\"reason\":\"statement is yesterday's\"}");

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().get("state").asString()).isEqualTo("declined");
        assertThat(outcomes.of(operation)).isEmpty();
        assertThat(store.find(operation).orElseThrow().state()).isEqualTo(PendingOutcome.State.PENDING);
    }

    @Test
    void aSettlementWhoseOutcomeBecameKnownFirstIsVoidAndChangesNothing() throws Exception {
        UUID operation = accepted("account.cancel");
        var maker = keyOf(ensureOperator("void.maker", "supervisor"), ProviderPermissions.SETTLE, "withdrawal:view");
        var checker =
                keyOf(ensureOperator("void.checker", "supervisor"), ProviderPermissions.SETTLE, "withdrawal:view");
        String settlement = maker.post(
                        "/api/v1/provider/outcomes/" + operation + "/settle",
                        "{\"outcome\":\"done\",\"reason\":\"the branch says it went through\"}")
                .json()
                .get("id")
                .asString();
        var calledBack = callback(
                "{\"operationId\":\"" + operation + "\",\"outcome\":\"failed\",\"reason\":\"insufficient funds\"}",
                "msg_first",
                Instant.now());
        assertThat(calledBack.status()).isEqualTo(200);

        var approved = checker.post("/api/v1/provider/settlements/" + settlement + "/approve", "");

        assertThat(approved.status()).isEqualTo(409);
        assertThat(approved.json().get("type").asString()).endsWith("settlement-void");
        assertThat(jdbc.sql("select decision from provider.settlement_decision where settlement_id = ?::uuid")
                        .param(settlement)
                        .query(String.class)
                        .single())
                .as("the void is kept")
                .isEqualTo("void");
        var heard = outcomes.of(operation);
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).outcome().answer()).isEqualTo(new ProviderAnswer.Failed("insufficient funds"));
    }

    @Test
    void stopsWaitingWithoutAnEventWhenTheOperationNoLongerWaits() {
        UUID operation = UUID.fromString(
                create(Operations.of("provider_test_action")).get("id").asString());
        provider.replies(Reply.of(202, "{\"outcome\":\"accepted\"}"));
        gateway.send(operation, "account.sync-status", Map.of());
        assertThat(transition(operation.toString(), "failed", "gave up at the desk")
                        .status())
                .isEqualTo(200);

        clock().advance(Duration.ofMinutes(1).plusSeconds(1));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.find(operation).orElseThrow().state() == PendingOutcome.State.CLOSED);
        assertThat(outcomes.of(operation)).isEmpty();
        assertThat(provider.seen("/actions/account.sync-status/" + operation))
                .as("the provider is not asked about it")
                .isEmpty();
        assertThat(store.logKinds(operation)).containsExactly("pending", "closed");
    }

    /** An operation whose action the provider accepted (202): pending, waiting for its callback or a check. */
    private UUID accepted(String actionId) {
        UUID operation = operation();
        provider.replies(Reply.of(202, "{\"outcome\":\"accepted\"}"));
        var answer = gateway.send(operation, actionId, Map.of("reason", "test"));
        assertThat(answer).isEqualTo(new ProviderAnswer.Pending("accepted by the provider; the outcome comes later"));
        assertThat(store.find(operation).orElseThrow().pending()).isTrue();
        return operation;
    }

    /** Posts a callback signed as the provider signs it (by the official Standard Webhooks library). */
    private ApiClient.Response callback(String body, String messageId, Instant at) throws Exception {
        String signature = new Webhook(PROVIDER_SECRET).sign(messageId, at.getEpochSecond(), body);
        return new ApiClient("http://127.0.0.1:" + port, null)
                .post(
                        CALLBACK,
                        body,
                        "webhook-id",
                        messageId,
                        "webhook-timestamp",
                        Long.toString(at.getEpochSecond()),
                        "webhook-signature",
                        signature);
    }
}
