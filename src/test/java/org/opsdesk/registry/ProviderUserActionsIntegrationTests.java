package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The provider actions for an account's users and its records at the provider: a transaction PIN reset (the
 * provider sends the one-time link or code; Opsdesk keeps no PIN nor code), a password change allowed inside the
 * cooldown (four-eyes), transactions resynced, MED notices read and listed; and the no-name card linked (a record
 * only, nothing asked of the provider).
 */
class ProviderUserActionsIntegrationTests extends ProviderRegistryIntegrationTest {

    private String user(String account) {
        return registry().user(account, "user." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    @Test
    void aPinResetIsIssuedAtTheProviderAndNoCodeIsKept() {
        String account = account();
        String user = user(account);
        // a provider that answers more than it should: the code must not reach Opsdesk's records
        provider.replies(done("{\"code\": \"938271\", \"sentTo\": \"u***@example.com\"}"));

        var reset = invoke(
                account,
                "account.reset-transaction-pin",
                "{\"input\":{\"userId\":\"" + user + "\",\"channel\":\"sms\"},\"reason\":\"user forgot the PIN\"}");

        assertThat(reset.status()).as(reset.body()).isEqualTo(201);
        assertOperation(reset, "applied", "SUCCESS");
        var sent = sentOnce("account.reset-transaction-pin", account, operationOf(reset));
        assertThat(sent.body()).contains("\"userId\":\"" + user + "\"").contains("\"channel\":\"sms\"");
        String history = api().get("/api/v1/operations/" + operationOf(reset) + "/history")
                .body();
        assertThat(history).contains("reset issued").doesNotContain("938271");
        assertThat(api().get("/api/v1/operations/" + operationOf(reset)).body()).doesNotContain("938271");
    }

    @Test
    void aPinResetForAUserOfAnotherAccountIsAFieldError() {
        String account = account();
        String foreignUser = user(account());

        var reset = invoke(
                account,
                "account.reset-transaction-pin",
                "{\"input\":{\"userId\":\"" + foreignUser + "\",\"channel\":\"email\"},\"reason\":\"r\"}");

        assertThat(reset.status()).as(reset.body()).isEqualTo(422);
        assertThat(reset.json().at("/errors/0/field").asString()).isEqualTo("userId");
        assertThat(provider.seen("/actions/")).isEmpty();
    }

    @Test
    void aPasswordChangeInsideTheCooldownWaitsForASecondPerson() {
        String account = account();
        String user = user(account);

        var asked = api().post(
                        "/api/v1/accounts/" + account + "/actions/account.allow-password-change",
                        "{\"input\":{\"userId\":\"" + user
                                + "\"},\"reason\":\"phone stolen, password changed by the thief\"}");

        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(provider.seen("/actions/")).isEmpty();
        provider.replies(done("{\"allowedUntil\": \"2026-12-08T12:00:00Z\"}"));
        var checker = apiWith("account_action:view", "account_action:approve");
        String request = asked.json().at("/approvalRequest/id").asString();
        assertThat(checker.post("/api/v1/approvals/" + request + "/approve", "{}")
                        .status())
                .isEqualTo(200);
        String operation = operationOf(asked);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/operations/" + operation)
                .json()
                .get("status")
                .asString()
                .equals("SUCCESS"));
        assertThat(sentOnce("account.allow-password-change", account, operation).body())
                .contains("\"userId\":\"" + user + "\"");
        assertThat(api().get("/api/v1/operations/" + operation + "/history").body())
                .contains("2026-12-08T12:00:00Z");
    }

    @Test
    void transactionsAreResyncedForAPeriodOfAtMost90Days() {
        String account = account();
        var backwards = invoke(
                account, "account.resync-transactions", "{\"input\":{\"from\":\"2026-11-30\",\"to\":\"2026-11-01\"}}");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().at("/errors/0/field").asString()).isEqualTo("from");
        assertThat(provider.seen("/actions/")).isEmpty();

        provider.replies(done("{\"resynced\": 42}"));
        var resynced = invoke(
                account, "account.resync-transactions", "{\"input\":{\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}}");

        assertThat(resynced.status()).as(resynced.body()).isEqualTo(201);
        assertOperation(resynced, "applied", "SUCCESS");
        assertThat(sentOnce("account.resync-transactions", account, operationOf(resynced))
                        .body())
                .contains("\"from\":\"2026-11-01\"")
                .contains("\"to\":\"2026-11-30\"");
        assertThat(api().get("/api/v1/operations/" + operationOf(resynced) + "/history")
                        .body())
                .contains("42");
    }

    @Test
    void medNoticesAreReadAndListedInTheOperation() {
        String account = account();
        provider.replies(
                done(
                        """
                {"notices": [
                  {"id": "MED-2026-0001", "status": "open", "amount": "150.00", "reason": "fraud"},
                  {"id": "MED-2026-0002", "status": "returned", "amount": "80.00", "reason": "operational failure"}]}"""));

        var read = invoke(account, "account.med-notices", "{}");

        assertThat(read.status()).as(read.body()).isEqualTo(201);
        assertOperation(read, "applied", "SUCCESS");
        sentOnce("account.med-notices", account, operationOf(read));
        assertThat(api().get("/api/v1/operations/" + operationOf(read) + "/history")
                        .body())
                .contains("MED-2026-0001")
                .contains("open, 150.00, fraud")
                .contains("MED-2026-0002");
    }

    @Test
    void aNoNameCardIsLinkedToOneAccountOnlyWithoutAskingTheProvider() {
        String account = account();
        String card = "NN-" + UUID.randomUUID().toString().substring(0, 12);

        var linked = invoke(account, "card.link-no-name", "{\"input\":{\"cardReference\":\"" + card + "\"}}");

        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertOperation(linked, "applied", "SUCCESS");
        assertThat(jdbc.sql("select no_name_card from registry.account where id = ?::uuid")
                        .param(account)
                        .query(String.class)
                        .single())
                .isEqualTo(card);
        var again = invoke(account(), "card.link-no-name", "{\"input\":{\"cardReference\":\"" + card + "\"}}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().at("/errors/0/field").asString()).isEqualTo("cardReference");
        assertThat(provider.seen("/actions/")).isEmpty();
    }
}
