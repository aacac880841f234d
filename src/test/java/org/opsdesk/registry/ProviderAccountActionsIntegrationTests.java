package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.TestWidgets;
import org.opsdesk.provider.FakeProvider.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The account actions carried out at the provider, end to end: the REST API, the catalog, the real connector and
 * a real local HTTP server as the provider answering done, failed or accepted (then a signed callback). Each test
 * asserts what the provider was sent (body and {@code Idempotency-Key} = the operation id), the operation's stage
 * and status, and the registry's records after.
 */
class ProviderAccountActionsIntegrationTests extends ProviderRegistryIntegrationTest {

    @Test
    void aBalanceReadIsKeptWithTheTimeTheProviderReadIt() {
        String account = account();
        provider.replies(
                done(
                        """
                {"balances": [{"currency": "BRL", "available": "1520.75", "blocked": "10.00"}],
                 "readAt": "2026-12-07T09:30:00Z"}"""));

        var read = invoke(account, "account.read-balance", "{\"reason\":\"client asks for the balance\"}");

        assertThat(read.status()).as(read.body()).isEqualTo(201);
        assertThat(read.json().at("/operation/type").asString()).isEqualTo("account_action");
        assertOperation(read, "applied", "SUCCESS");
        sentOnce("account.read-balance", account, operationOf(read));
        JsonNode balance = api().get("/api/v1/accounts/" + account).json().at("/balances/0");
        assertThat(balance.at("/available/value").asString()).isEqualTo("1520.75");
        assertThat(balance.at("/available/currency").asString()).isEqualTo("BRL");
        assertThat(balance.at("/blocked/value").asString()).isEqualTo("10.00");
        assertThat(balance.at("/readAt").asString()).isEqualTo("2026-12-07T09:30:00Z");
        var history = api().get("/api/v1/operations/" + operationOf(read) + "/history");
        assertThat(history.body()).contains("1520.75 available");
    }

    @Test
    void aFailedReadIsAnErrorAndKeepsNothing() {
        String account = account();
        provider.replies(Reply.of(422, "{\"outcome\":\"failed\",\"reason\":\"account unknown at the provider\"}"));

        var read = invoke(account, "account.read-balance", "{}");

        assertThat(read.status()).as(read.body()).isEqualTo(201);
        assertOperation(read, "failed", "ERROR");
        sentOnce("account.read-balance", account, operationOf(read));
        assertThat(api().get("/api/v1/accounts/" + account)
                        .json()
                        .at("/balances")
                        .size())
                .isZero();
        assertThat(api().get("/api/v1/operations/" + operationOf(read) + "/history")
                        .body())
                .contains("account unknown at the provider");
    }

    @Test
    void theStatusIsSyncedFromTheProviderWithTheChangeListed() {
        String account = account();
        provider.replies(done("{\"status\": \"suspended\"}"));

        var synced = invoke(account, "account.sync-status", "{\"reason\":\"status differs at the bank\"}");

        assertThat(synced.status()).as(synced.body()).isEqualTo(201);
        assertOperation(synced, "applied", "SUCCESS");
        sentOnce("account.sync-status", account, operationOf(synced));
        assertThat(status(account)).isEqualTo("suspended");
        assertThat(api().get("/api/v1/operations/" + operationOf(synced) + "/history")
                        .body())
                .contains("previousStatus")
                .contains("suspended");
    }

    @Test
    void anAcceptedSyncWaitsAtTheProviderUntilItsSignedCallback() throws Exception {
        String account = account();
        provider.replies(Reply.of(202, "{\"outcome\":\"accepted\"}"));

        var synced = invoke(account, "account.sync-status", "{}");

        assertThat(synced.status()).as(synced.body()).isEqualTo(201);
        assertOperation(synced, "at_provider", "PENDING");
        String operation = operationOf(synced);
        sentOnce("account.sync-status", account, operation);
        assertThat(status(account)).isEqualTo("active");

        var calledBack = callback(
                "{\"operationId\":\"" + operation + "\",\"outcome\":\"done\",\"result\":{\"status\":\"suspended\"}}");
        assertThat(calledBack.status()).as(calledBack.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/operations/" + operation)
                .json()
                .get("status")
                .asString()
                .equals("SUCCESS"));
        assertThat(status(account)).isEqualTo("suspended");
    }

    @Test
    void pixKeysAreSyncedAddedAndCancelledAsTheProviderHoldsThem() {
        var registry = registry();
        String account = registry.personalAccount(registry.person("Carla Chaves"));
        registry.take(
                "pix-key.create",
                "account",
                account,
                Map.of("keyType", "email", "key", "old.key." + account.substring(0, 8) + "@example.com"));
        String kept = "kept." + account.substring(0, 8) + "@example.com";
        registry.take("pix-key.create", "account", account, Map.of("keyType", "email", "key", kept));
        String random = java.util.UUID.randomUUID().toString();
        provider.replies(
                done("{\"keys\": [{\"type\": \"email\", \"value\": \"" + kept.toUpperCase(java.util.Locale.ROOT)
                        + "\"}, {\"type\": \"random\", \"value\": \"" + random + "\"}]}"));

        var synced = invoke(account, "pix-key.sync", "{}");

        assertThat(synced.status()).as(synced.body()).isEqualTo(201);
        assertOperation(synced, "applied", "SUCCESS");
        sentOnce("pix-key.sync", account, operationOf(synced));
        var keys = jdbc.sql("select key_value || ':' || status from registry.pix_key where account_id = ?::uuid")
                .param(account)
                .query(String.class)
                .list();
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "old.key." + account.substring(0, 8) + "@example.com:cancelled",
                        kept + ":active",
                        random + ":active");
        assertThat(api().get("/api/v1/operations/" + operationOf(synced) + "/history")
                        .body())
                .contains("random:" + random)
                .contains("email:old.key.");
    }

    @Test
    void theAliasIsSyncedFromTheProvider() {
        String account = account();
        provider.replies(done("{\"alias\": \"beatriz-conta-principal\"}"));

        var synced = invoke(account, "account.sync-alias", "{}");

        assertThat(synced.status()).as(synced.body()).isEqualTo(201);
        assertOperation(synced, "applied", "SUCCESS");
        sentOnce("account.sync-alias", account, operationOf(synced));
        assertThat(jdbc.sql("select provider_alias from registry.account where id = ?::uuid")
                        .param(account)
                        .query(String.class)
                        .single())
                .isEqualTo("beatriz-conta-principal");
    }

    @Test
    void anAnswerWithoutWhatTheActionNeedsIsNeverASuccess() {
        String account = account();
        provider.replies(done("{\"state\": \"suspended\"}"));

        var synced = invoke(account, "account.sync-status", "{}");

        assertThat(synced.status()).as(synced.body()).isIn(201, 409);
        assertThat(api().get("/api/v1/operations/" + operationOf(synced))
                        .json()
                        .get("status")
                        .asString())
                .isIn("REJECTED", "ERROR");
        assertThat(status(account)).isEqualTo("active");
    }

    @Test
    void withoutAProviderTheyAreRefusedNeverPretended() {
        String account = account();
        TestWidgets.providerConfigured = false;

        var refused = invoke(account, "account.read-balance", "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("no provider configured");
        assertThat(provider.seen("/actions/")).isEmpty();
    }
}
