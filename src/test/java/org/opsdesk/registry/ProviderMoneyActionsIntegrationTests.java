package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;

/**
 * The provider actions that move money: the residual balance transferred to another account of the same holder
 * (irreversible: the account's number typed; four-eyes: nothing sent to the provider until a second person
 * approves; refused across holders) and a sub-account swept to its main account (four-eyes above BRL 10,000).
 */
class ProviderMoneyActionsIntegrationTests extends ProviderRegistryIntegrationTest {

    private static String transfer(String to, String amount, String confirm) {
        return """
                {"input": {"toAccountId": "%s", "amount": {"value": "%s", "currency": "BRL"}},
                 "reason": "closing the account", "confirm": "%s"}"""
                .formatted(to, amount, confirm);
    }

    private static String sweep(String amount) {
        return "{\"input\":{\"amount\":{\"value\":\"" + amount
                + "\",\"currency\":\"BRL\"}},\"reason\":\"monthly sweep\"}";
    }

    @Test
    void theResidualGoesOnlyToAnotherAccountOfTheSameHolder() {
        var registry = registry();
        String holder = registry.person("Diego Residual");
        String from = registry.personalAccount(holder);
        String stranger = registry.personalAccount(registry.person("Elisa Outra"));
        String number = number(from);

        var acrossHolders = invoke(from, "account.transfer-residual", transfer(stranger, "50.00", number));
        assertThat(acrossHolders.status()).as(acrossHolders.body()).isEqualTo(422);
        assertThat(acrossHolders.json().at("/errors/0/field").asString()).isEqualTo("toAccountId");
        assertThat(acrossHolders.body()).contains("same holder");

        var toItself = invoke(from, "account.transfer-residual", transfer(from, "50.00", number));
        assertThat(toItself.status()).isEqualTo(422);
        assertThat(toItself.json().at("/errors/0/field").asString()).isEqualTo("toAccountId");

        String sibling = registry.personalAccount(holder);
        var unconfirmed = invoke(from, "account.transfer-residual", transfer(sibling, "50.00", "00000000-0"));
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.json().at("/errors/0/field").asString()).isEqualTo("confirm");
        assertThat(provider.seen("/actions/")).isEmpty();
    }

    @Test
    void aResidualTransferIsSentOnlyOnceASecondPersonApproves() {
        var registry = registry();
        String holder = registry.person("Fabio Residual");
        String from = registry.personalAccount(holder);
        String to = registry.personalAccount(holder);
        var maker = apiWith("action:account.transfer-residual", "account_action:view", "account_action:approve");

        var asked = maker.post(
                "/api/v1/accounts/" + from + "/actions/account.transfer-residual",
                transfer(to, "1234.56", number(from)));

        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().at("/operation/status").asString()).isEqualTo("PENDING");
        String request = asked.json().at("/approvalRequest/id").asString();
        assertThat(maker.post("/api/v1/approvals/" + request + "/approve", "{}").status())
                .isIn(403, 409);
        assertThat(provider.seen("/actions/"))
                .as("nothing is sent before the approval")
                .isEmpty();

        provider.replies(done("{\"transferId\": \"trf-7781\"}"));
        var checker = apiWith("account_action:view", "account_action:approve");
        assertThat(checker.post("/api/v1/approvals/" + request + "/approve", "{}")
                        .status())
                .isEqualTo(200);
        String operation = operationOf(asked);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> operationStatus(operation).equals("SUCCESS"));
        var sent = sentOnce("account.transfer-residual", from, operation);
        assertThat(sent.body())
                .contains("\"toAccountId\":\"" + to + "\"")
                .contains("\"toAccountNumber\":\"" + number(to) + "\"")
                .contains("\"value\":\"1234.56\"")
                .contains("\"currency\":\"BRL\"");
        assertThat(api().get("/api/v1/operations/" + operation + "/history").body())
                .contains("trf-7781")
                .contains("1234.56 BRL");
    }

    @Test
    void aSweepMovesTheSubAccountsBalanceToTheMainAccount() {
        var registry = registry();
        String account = registry.personalAccount(registry.person("Gabriela Sweep"));
        String sub = registry.take(
                        "sub-account.create", "account", account, java.util.Map.of("kind", "wallet", "name", "Savings"))
                .changes()
                .get("subAccount");
        jdbc.sql("update registry.sub_account set balance = 500.00 where id = ?::uuid")
                .param(sub)
                .update();

        var tooMuch = api().post("/api/v1/sub-accounts/" + sub + "/actions/sub-account.sweep", sweep("500.01"));
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.json().at("/errors/0/field").asString()).isEqualTo("amount");

        provider.replies(done("{}"));
        var swept = api().post("/api/v1/sub-accounts/" + sub + "/actions/sub-account.sweep", sweep("200.00"));

        assertThat(swept.status()).as(swept.body()).isEqualTo(201);
        assertOperation(swept, "applied", "SUCCESS");
        var sent = sentOnce("sub-account.sweep", account, operationOf(swept));
        assertThat(sent.body()).contains("\"subAccountId\":\"" + sub + "\"").contains("\"value\":\"200.00\"");
        assertThat(subBalance(sub)).isEqualByComparingTo("300.00");
    }

    @Test
    void aLargeSweepWaitsForASecondPerson() {
        var registry = registry();
        String account = registry.personalAccount(registry.person("Heitor Sweep"));
        String sub = registry.take(
                        "sub-account.create", "account", account, java.util.Map.of("kind", "escrow", "name", "Escrow"))
                .changes()
                .get("subAccount");
        jdbc.sql("update registry.sub_account set balance = 25000.00 where id = ?::uuid")
                .param(sub)
                .update();

        var swept = api().post("/api/v1/sub-accounts/" + sub + "/actions/sub-account.sweep", sweep("10000.01"));

        assertThat(swept.status()).as(swept.body()).isEqualTo(202);
        assertThat(swept.json().at("/approvalRequest/requiredApprovals").asInt())
                .isEqualTo(1);
        assertThat(provider.seen("/actions/")).isEmpty();
        assertThat(subBalance(sub)).isEqualByComparingTo("25000.00");
    }

    private BigDecimal subBalance(String sub) {
        return jdbc.sql("select balance from registry.sub_account where id = ?::uuid")
                .param(sub)
                .query(BigDecimal.class)
                .single();
    }

    private String operationStatus(String operation) {
        ApiClient.Response answer = api().get("/api/v1/operations/" + operation);
        return answer.json().get("status").asString();
    }
}
