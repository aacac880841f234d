package org.opsdesk.access.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An API key stands for the person who created it (issue 11): four-eyes counts that person, the key acts with no
 * more than they hold now and only while they are active, it always expires, and it dies with the key that
 * created it. Every test here failed before: keys were principals of their own that nothing but their own
 * revocation or expiry stopped.
 */
class ApiKeyCreatorIntegrationTests extends IntegrationTest {

    private static final String[] DESK = {"withdrawal:view", "withdrawal:transition:approved", "withdrawal:approve"};

    @Autowired
    private ApiKeyStore keys;

    // ---- four-eyes counts people --------------------------------------------------------------------------------

    @Test
    void refusesTheApprovalOfAnOperatorsRequestByAnotherOfTheirOwnKeys() {
        String alice = ensureOperator("fe-alice", "supervisor");
        var makerKey = keyOf(alice, DESK);
        var checkerKey = keyOf(alice, DESK);
        String id = underReview("2500.00");
        String request = ask(makerKey, id).json().get("id").asString();

        var approve = checkerKey.post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(approve.status()).as(approve.body()).isEqualTo(403);
        assertThat(approve.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:maker-cannot-approve");
        assertThat(stage(id)).isEqualTo("under_review");
    }

    @Test
    void countsTwoKeysOfOnePersonAsOneApproval() {
        String bob = ensureOperator("fe-bob", "supervisor");
        var first = keyOf(bob, DESK);
        var second = keyOf(bob, DESK);
        String id = underReview("60000.00");
        String request = ask(apiWith(DESK), id).json().get("id").asString();

        assertThat(first.post("/api/v1/approvals/" + request + "/approve", "{}").status())
                .isEqualTo(200);
        var again = second.post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:already-approved");
        assertThat(stage(id)).isEqualTo("under_review");
    }

    @Test
    void countsAKeyMintedByAKeyAsThatKeysPerson() {
        var parent = apiWith("withdrawal:*", "apikeys:manage");
        var child = api().withKey(mint(parent, "withdrawal:view", "withdrawal:approve"));
        String id = underReview("2500.00");
        String request = ask(parent, id).json().get("id").asString();

        var approve = child.post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(approve.status()).as(approve.body()).isEqualTo(403);
        assertThat(stage(id)).isEqualTo("under_review");
    }

    // ---- a key never outlives or outranks its creator -----------------------------------------------------------

    @Test
    void actsWithAtMostItsCreatorsCurrentPermissions() {
        String carol = ensureOperator("key-carol", "supervisor");
        var key = keyOf(carol, "withdrawal:view");
        String id = underReview("10.00");
        assertThat(key.get("/api/v1/operations/" + id).status()).isEqualTo(200);

        var demoted = api().put("/api/v1/operators/" + carol, "{\"roles\":[\"" + workflowsOnly() + "\"]}");
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);

        // the key holds withdrawal:view, its creator no longer does
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(key.get("/api/v1/operations/" + id).status()).isEqualTo(403));
    }

    @Test
    void stopsWorkingWhileItsCreatorIsDisabledAndForGoodOnceDeleted() {
        String dave = ensureOperator("key-dave", "supervisor");
        var key = keyOf(dave, "withdrawal:view");
        assertThat(key.get("/api/v1/operations?limit=1").status()).isEqualTo(200);

        assertThat(api().post("/api/v1/operators/" + dave + "/disable", "").status())
                .isEqualTo(200);
        answersWithin(key, 401);

        assertThat(api().post("/api/v1/operators/" + dave + "/enable", "").status())
                .isEqualTo(200);
        answersWithin(key, 200);

        assertThat(api().delete("/api/v1/operators/" + dave).status()).isEqualTo(204);
        answersWithin(key, 401);
    }

    /**
     * A node's key cache is emptied by the change notice the operator's change sends (ADR 0007): asynchronous, so
     * the key's standing follows within the notice's latency, not in the same instant.
     */
    private static void answersWithin(ApiClient key, int status) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        key.get("/api/v1/operations?limit=1").status())
                .isEqualTo(status));
    }

    @Test
    void revokingAKeyRevokesTheKeysItCreated() {
        String parentSecret = ApiKeySecrets.generate();
        UUID parentId = keys.create(
                "parent",
                parentSecret,
                List.of("withdrawal:view", "apikeys:manage"),
                Instant.now().plus(Duration.ofDays(1)),
                "tests",
                Instant.now());
        var child = api().withKey(mint(api().withKey(parentSecret), "withdrawal:view", "apikeys:manage"));
        String grandchildSecret = mint(child, "withdrawal:view");
        assertThat(child.get("/api/v1/operations?limit=1").status()).isEqualTo(200);

        assertThat(api().delete("/api/v1/api-keys/" + parentId).status()).isEqualTo(200);

        answersWithin(child, 401);
        answersWithin(api().withKey(grandchildSecret), 401);
        assertThat(jdbc.sql("select count(*) from access.api_key where created_by = ? and revoked_at is not null")
                        .param("api_key:" + parentId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void expiresByDefaultAndNeverBeyondTheMaximumLifetime() {
        var created =
                api().post("/api/v1/api-keys", "{\"name\":\"no expiry given\",\"permissions\":[\"deposit:view\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Instant expiresAt = Instant.parse(created.json().get("expiresAt").asString());
        assertThat(expiresAt)
                .isBetween(
                        Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));

        var tooLong = api().post(
                        "/api/v1/api-keys",
                        "{\"name\":\"too long\",\"permissions\":[\"deposit:view\"],\"expiresAt\":\""
                                + Instant.now().plus(Duration.ofDays(400)) + "\"}");

        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        assertThat(jdbc.sql("select count(*) from access.api_key where expires_at is null")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // ---- an approved move never applies in the name of a maker who may no longer make it -----------------------

    @Test
    void voidsTheRequestInsteadOfApplyingItWhenTheMakerWasDisabledMeanwhile() {
        String erin = ensureOperator("fe-erin", "supervisor");
        var makerKey = keyOf(erin, DESK);
        String id = underReview("2500.00");
        String request = ask(makerKey, id).json().get("id").asString();
        assertThat(api().post("/api/v1/operators/" + erin + "/disable", "").status())
                .isEqualTo(200);

        var approve = apiWith(DESK).post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(approve.status()).as(approve.body()).isEqualTo(409);
        assertThat(approve.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:approval-void");
        assertThat(approve.json().get("voidReason").asString()).contains("may no longer make this move");
        var stored = api().get("/api/v1/approvals/" + request).json();
        assertThat(stored.get("state").asString()).isEqualTo("VOID");
        assertThat(stored.get("approvals")).isEmpty();
        assertThat(stage(id)).isEqualTo("under_review");
    }

    @Test
    void voidsTheRequestWhenTheMakersKeyLostTheTransitionsPermission() {
        String frank = ensureOperator("fe-frank", "supervisor");
        var makerKey = keyOf(frank, DESK);
        String id = underReview("2500.00");
        String request = ask(makerKey, id).json().get("id").asString();
        assertThat(api().put("/api/v1/operators/" + frank, "{\"roles\":[\"" + workflowsOnly() + "\"]}")
                        .status())
                .isEqualTo(200);

        var approve = apiWith(DESK).post("/api/v1/approvals/" + request + "/approve", "{}");

        assertThat(approve.status()).as(approve.body()).isEqualTo(409);
        assertThat(api().get("/api/v1/approvals/" + request).json().get("state").asString())
                .isEqualTo("VOID");
        assertThat(stage(id)).isEqualTo("under_review");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A key created through the API by the given key; returns its secret. */
    private static String mint(ApiClient creator, String... permissions) {
        var created = creator.post(
                "/api/v1/api-keys",
                "{\"name\":\"minted\",\"permissions\":[\"" + String.join("\",\"", permissions) + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    /** A role that sees no operation type at all. */
    private String workflowsOnly() {
        var created = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"workflows-only\",\"description\":\"reads workflows\",\"permissions\":[\"workflows:view\"]}");
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        return "workflows-only";
    }

    private String underReview(String amount) {
        String id =
                create(Operations.withdrawal().amount(amount, "EUR")).get("id").asString();
        assertThat(transition(id, "under_review", null).status()).isEqualTo(200);
        return id;
    }

    private static ApiClient.Response ask(ApiClient maker, String id) {
        return maker.post(
                "/api/v1/operations/" + id + "/transitions", "{\"to\":\"approved\",\"reason\":\"documents checked\"}");
    }

    private String stage(String id) {
        return api().get("/api/v1/operations/" + id).json().get("stage").asString();
    }
}
