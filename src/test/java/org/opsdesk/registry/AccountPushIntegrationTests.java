package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.notifications.Deliveries;
import org.opsdesk.notifications.TestClients;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.BrazilianNumbers;
import tools.jackson.databind.JsonNode;

/**
 * {@code account.send-push} through the catalog's REST API, with the push gateway a real local HTTP server: one push
 * per account user linked to a client with a push token and consent, sent by the delivery engine after the
 * invocation commits and recorded on its operation; everyone else skipped with the reason, never pretended; offered
 * only while the tenant's messaging setting is on.
 */
class AccountPushIntegrationTests extends RegistryIntegrationTest {

    private static final String PUSH = "account.send-push";

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    @BeforeEach
    void messagingOn() {
        gateway.received.clear();
        gateway.status = 202;
        messaging(true);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void pushesEveryReachableUserOnceAndSkipsTheOthersWithTheirReasons() {
        String account = openAccount();
        String token = "app-token-" + UUID.randomUUID();
        String reachable = TestClients.create(api(), "pt-BR", "\"pushToken\":\"" + token + "\"", "push", true);
        String noConsent = TestClients.create(api(), "pt-BR", "\"pushToken\":\"other-token\"", null, false);
        user(account, "Ana Souza", reachable);
        user(account, "Ana no tablet", reachable); // the same client: one push
        user(account, "Bruno Lima", noConsent);
        user(account, "Caixa da loja", null);
        block(user(account, "Davi Rocha", TestClients.create(api(), "en", "\"pushToken\":\"t3\"", "push", true)));

        var sent = push(api(), account, "{\"input\":{\"title\":\"Pix fora do ar\",\"text\":\"Voltamos às 14h.\"}}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().at("/operation/type").asString()).isEqualTo("account_action");
        assertThat(sent.json().at("/operation/stage").asString()).isEqualTo("applied");
        String operation = sent.json().at("/operation/id").asString();
        var applied = applied(sent);
        assertThat(applied.get("pushesQueued").asString()).isEqualTo("1");
        assertThat(applied.get("usersSkipped").asString()).isEqualTo("3");
        assertThat(applied.get("skippedUsers").asString())
                .contains("Bruno Lima (push: no consent)")
                .contains("Caixa da loja (not linked to the client directory)")
                .contains("Davi Rocha (user blocked)")
                .doesNotContain("Ana");

        var deliveries = new Deliveries(api());
        var delivered = deliveries.await(
                operation,
                "push",
                d -> d.get("recipient").asString().equals(reachable)
                        && d.get("state").asString().equals("sent"));
        assertThat(delivered.get("audience").asString()).isEqualTo("client");
        assertThat(delivered.get("eventType").asString()).isEqualTo("action.push_message");
        var skipped = deliveries.await(
                operation, "push", d -> d.get("recipient").asString().equals(noConsent));
        assertThat(skipped.get("state").asString()).isEqualTo("skipped");
        assertThat(skipped.get("lastError").asString()).isEqualTo("push: no consent");
        assertThat(deliveries.of(operation, "push")).hasSize(2);
        var pushed =
                gateway.received.stream().filter(r -> r.body().contains(token)).toList();
        assertThat(pushed).hasSize(1);
        assertThat(pushed.get(0).path()).isEqualTo("/push");
        assertThat(pushed.get(0).body()).contains("Pix fora do ar").contains("Voltamos às 14h.");
        assertThat(gateway.received)
                .noneMatch(r -> r.body().contains("other-token") || r.body().contains("t3"));
    }

    @Test
    void aPushTheGatewayRefusesIsRetriedByTheDeliveryEngine() {
        String account = openAccount();
        String token = "retry-token-" + UUID.randomUUID();
        user(account, "Elisa Nunes", TestClients.create(api(), "nl", "\"pushToken\":\"" + token + "\"", "push", true));
        gateway.status = 503;

        var sent = push(api(), account, "{\"input\":{\"title\":\"Onderhoud\",\"text\":\"Vanavond kort offline.\"}}");

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String operation = sent.json().at("/operation/id").asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.received.stream()
                                .filter(r -> r.body().contains(token))
                                .count()
                        >= 2);
        gateway.status = 202;
        var delivered = new Deliveries(api())
                .await(operation, "push", d -> d.get("state").asString().equals("sent"));
        assertThat(delivered.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withMessagingOffItIsNotOfferedAndRefusedWithTheReason() {
        String account = openAccount();
        user(account, "Ana Souza", TestClients.create(api(), "en", "\"pushToken\":\"t4\"", "push", true));
        assertThat(api().get("/api/v1/accounts/" + account + "/actions").body()).contains(PUSH);

        messaging(false);

        assertThat(api().get("/api/v1/accounts/" + account + "/actions").body()).doesNotContain(PUSH);
        long operations = operationsOn(account);
        var refused = push(api(), account, "{\"input\":{\"title\":\"Hello\",\"text\":\"World\"}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("messaging is turned off for this tenant");
        assertThat(operationsOn(account)).isEqualTo(operations);
    }

    @Test
    void aUserLinkedToTheDirectoryLaterGetsTheNextPush() {
        String account = openAccount();
        String user = user(account, "Fábio Lago", null);
        var unlinked = push(api(), account, "{\"input\":{\"title\":\"Aviso\",\"text\":\"Primeiro\"}}");
        assertThat(applied(unlinked).get("pushesQueued").asString()).isEqualTo("0");
        assertThat(applied(unlinked).get("skippedUsers").asString())
                .isEqualTo("Fábio Lago (not linked to the client directory)");

        var tooLong = api().post(
                        "/api/v1/users/" + user + "/actions/user.update",
                        "{\"input\":{\"subject\":\"" + "s".repeat(201) + "\"},\"reason\":\"app sign-up\"}");
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(422);
        assertThat(tooLong.body()).contains("input.subject");
        String token = "later-token-" + UUID.randomUUID();
        String subject = TestClients.create(api(), "pt-BR", "\"pushToken\":\"" + token + "\"", "push", true);
        var linked = api().post(
                        "/api/v1/users/" + user + "/actions/user.update",
                        "{\"input\":{\"subject\":\"" + subject + "\"},\"reason\":\"app sign-up\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(api().get("/api/v1/users/" + user).json().get("subject").asString())
                .isEqualTo(subject);

        var sent = push(api(), account, "{\"input\":{\"title\":\"Aviso\",\"text\":\"Segundo\"}}");
        assertThat(applied(sent).get("pushesQueued").asString()).isEqualTo("1");
        assertThat(applied(sent).get("skippedUsers").asString()).isEqualTo("none");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> gateway.received.stream().anyMatch(r -> r.body().contains(token)));
    }

    @Test
    void anAccountWithoutUsersIsRefusedBeforeAnythingIsStored() {
        String account = openAccount();

        var refused = push(api(), account, "{\"input\":{\"title\":\"Hello\",\"text\":\"World\"}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("the account has no users to message");
        assertThat(operationsOn(account)).isZero();
    }

    @Test
    void blankOrOversizedTextIsAFieldError() {
        String account = openAccount();
        user(account, "Ana Souza", null);

        var blank = push(api(), account, "{\"input\":{\"title\":\"Aviso\",\"text\":\"   \"}}");
        assertThat(blank.status()).as(blank.body()).isEqualTo(422);
        assertThat(blank.body()).contains("input.text");

        var longTitle = push(api(), account, "{\"input\":{\"title\":\"" + "x".repeat(66) + "\",\"text\":\"ok\"}}");
        assertThat(longTitle.status()).as(longTitle.body()).isEqualTo(422);
        assertThat(longTitle.body()).contains("input.title").contains("at most 65 characters");

        var longText = push(api(), account, "{\"input\":{\"title\":\"ok\",\"text\":\"" + "y".repeat(241) + "\"}}");
        assertThat(longText.status()).as(longText.body()).isEqualTo(422);
        assertThat(longText.body()).contains("input.text").contains("at most 240 characters");
        assertThat(operationsOn(account)).isZero();
    }

    @Test
    void needsItsOwnPermission() {
        String account = openAccount();
        var other = apiWith("action:account.suspend", "registry:read", "account_action:view");

        var refused = push(other, account, "{\"input\":{\"title\":\"Hello\",\"text\":\"World\"}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("action:account.send-push");
        assertThat(other.get("/api/v1/accounts/" + account + "/actions").body()).doesNotContain(PUSH);
    }

    @Test
    void aCancelledAccountIsRefused() {
        String account = openAccount();
        user(account, "Ana Souza", TestClients.create(api(), "en", "\"pushToken\":\"t5\"", "push", true));
        cancel(account);

        var refused = push(api(), account, "{\"input\":{\"title\":\"Hello\",\"text\":\"World\"}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("cancelled");
    }

    private static ApiClient.Response push(ApiClient client, String account, String body) {
        return client.post("/api/v1/accounts/" + account + "/actions/" + PUSH, body);
    }

    private JsonNode applied(ApiClient.Response invoked) {
        assertThat(invoked.status()).as(invoked.body()).isEqualTo(201);
        return api().get("/api/v1/operations/"
                        + invoked.json().at("/operation/id").asString())
                .json()
                .at("/attributes/applied");
    }

    private long operationsOn(String account) {
        return jdbc.sql("select count(*) from actions.invocation where target_id = ? and action_id = ?")
                .params(account, PUSH)
                .query(Long.class)
                .single();
    }

    private String openAccount() {
        var person = api().post(
                        "/api/v1/persons",
                        """
                        {"input": {"name": "Pessoa Push", "documentType": "cpf", "documentNumber": "%s",
                                   "birthDate": "1984-05-06", "address": "Rua Augusta 1500, São Paulo"},
                         "reason": "onboarding"}"""
                                .formatted(BrazilianNumbers.cpf()));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        var opened = api().post(
                        "/api/v1/accounts",
                        """
                        {"input": {"holderKind": "person", "holderId": "%s", "kind": "personal"},
                         "reason": "account requested by the client"}"""
                                .formatted(person.json().at("/target/id").asString()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().at("/target/id").asString();
    }

    /** A user of the account, linked to the client with this subject (or to none); answers the user's id. */
    private String user(String account, String name, String subject) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String link = subject == null ? "" : ",\"subject\":\"" + subject + "\"";
        var created = api().post(
                        "/api/v1/accounts/" + account + "/actions/user.create",
                        "{\"input\":{\"name\":\"" + name + "\",\"email\":\"" + email + "\"" + link + "}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var applied = api().get("/api/v1/operations/"
                        + created.json().at("/operation/id").asString())
                .json()
                .at("/attributes/applied/user");
        return applied.asString();
    }

    private void block(String user) {
        var blocked = api().post(
                        "/api/v1/users/" + user + "/actions/user.update",
                        "{\"input\":{\"status\":\"blocked\"},\"reason\":\"lost phone\"}");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(201);
    }

    private void cancel(String account) {
        String number = api().get("/api/v1/accounts/" + account)
                .json()
                .at("/account/number")
                .asString();
        var asked = api().post(
                        "/api/v1/accounts/" + account + "/actions/account.cancel",
                        "{\"reason\":\"client asked\",\"confirm\":\"" + number + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        var checker = apiWith("account_action:view", "account_action:approve");
        String request = asked.json().at("/approvalRequest/id").asString();
        assertThat(checker.post("/api/v1/approvals/" + request + "/approve", "{}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/accounts/" + account)
                .json()
                .at("/account/status")
                .asString()
                .equals("cancelled"));
    }
}
