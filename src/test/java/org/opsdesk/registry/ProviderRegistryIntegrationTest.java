package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opsdesk.actions.TestWidgets;
import org.opsdesk.provider.FakeProvider;
import org.opsdesk.provider.FakeProvider.Reply;
import org.opsdesk.support.ApiClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the tests of the registry's provider actions: the shared application, whose connector points at {@code
 * PROVIDER_PORT}, with the provider tests' {@link FakeProvider} serving that port for the class (reset before each
 * test), and the helpers that invoke an action through the REST API and check what the provider was sent.
 */
abstract class ProviderRegistryIntegrationTest extends RegistryIntegrationTest {

    static FakeProvider provider;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startTheProvider() {
        provider = FakeProvider.start(PROVIDER_PORT);
    }

    @AfterAll
    static void stopTheProvider() {
        provider.close();
    }

    @BeforeEach
    void resetTheProvider() {
        provider.reset();
        TestWidgets.providerConfigured = true;
    }

    @AfterEach
    void configuredAgain() {
        TestWidgets.providerConfigured = true;
    }

    String account() {
        var registry = registry();
        return registry.personalAccount(registry.person("Beatriz Provider"));
    }

    String number(String account) {
        return api().get("/api/v1/accounts/" + account)
                .json()
                .at("/account/number")
                .asString();
    }

    String status(String account) {
        return api().get("/api/v1/accounts/" + account)
                .json()
                .at("/account/status")
                .asString();
    }

    ApiClient.Response invoke(String account, String actionId, String body) {
        return api().post("/api/v1/accounts/" + account + "/actions/" + actionId, body);
    }

    static Reply done(String result) {
        return Reply.of(200, "{\"outcome\":\"done\",\"result\":" + result + "}");
    }

    /** The one request the provider saw for the action, checked to carry the account and the idempotency key. */
    FakeProvider.Seen sentOnce(String actionId, String account, String operation) {
        var seen = provider.seen("/actions/" + actionId);
        assertThat(seen).hasSize(1);
        var request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Idempotency-Key")).isEqualTo(operation);
        assertThat(request.body())
                .contains("\"accountId\":\"" + account + "\"")
                .contains("\"accountNumber\":\"" + number(account) + "\"");
        return request;
    }

    static String operationOf(ApiClient.Response answer) {
        return answer.json().at("/operation/id").asString();
    }

    static void assertOperation(ApiClient.Response answer, String stage, String status) {
        assertThat(answer.json().at("/operation/stage").asString())
                .as(answer.body())
                .isEqualTo(stage);
        assertThat(answer.json().at("/operation/status").asString()).isEqualTo(status);
    }

    /** Posts a callback signed as the provider signs it. */
    ApiClient.Response callback(String body) throws Exception {
        Instant at = Instant.now();
        String id = "msg_" + java.util.UUID.randomUUID().toString().replace("-", "");
        String signature = new Webhook(PROVIDER_SECRET).sign(id, at.getEpochSecond(), body);
        return new ApiClient("http://127.0.0.1:" + port, null)
                .post(
                        "/api/v1/provider/outcomes",
                        body,
                        "webhook-id",
                        id,
                        "webhook-timestamp",
                        Long.toString(at.getEpochSecond()),
                        "webhook-signature",
                        signature);
    }
}
