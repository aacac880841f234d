package org.opsdesk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.BrazilianNumbers;

/**
 * The account family end to end through the catalog's REST API: records created by their actions, changed by
 * actions that are operations of {@code party_action} / {@code account_action} with their history, four-eyes
 * through the approvals API, typed confirmation, refusals by state, soft delete and restore.
 */
class AccountActionsApiIntegrationTests extends RegistryIntegrationTest {

    private String createPerson(String name) {
        var created = api().post(
                        "/api/v1/persons",
                        """
                        {"input": {"name": "%s", "documentType": "cpf", "documentNumber": "%s",
                                   "birthDate": "1980-04-02", "address": "Rua Augusta 1500, São Paulo",
                                   "email": "person@example.com", "phone": "+5511987654321"},
                         "reason": "onboarding"}"""
                                .formatted(name, BrazilianNumbers.cpf()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/operation/type").asString()).isEqualTo("party_action");
        assertThat(created.json().at("/operation/status").asString()).isEqualTo("SUCCESS");
        assertThat(created.json().at("/target/kind").asString()).isEqualTo("person");
        return created.json().at("/target/id").asString();
    }

    private String openAccount(String person) {
        var opened = api().post(
                        "/api/v1/accounts",
                        """
                        {"input": {"holderKind": "person", "holderId": "%s", "kind": "personal"},
                         "reason": "account requested by the client"}"""
                                .formatted(person));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().at("/operation/type").asString()).isEqualTo("account_action");
        return opened.json().at("/target/id").asString();
    }

    private ApiClient.Response account(String id) {
        return api().get("/api/v1/accounts/" + id);
    }

    private String status(String account) {
        return account(account).json().at("/account/status").asString();
    }

    @Test
    void anAccountIsOpenedSuspendedAndItsSuspensionLiftedByASecondPerson() {
        String account = openAccount(createPerson("Maria Souza"));
        assertThat(status(account)).isEqualTo("active");

        var offered = api().get("/api/v1/accounts/" + account + "/actions");
        assertThat(offered.status()).as(offered.body()).isEqualTo(200);
        assertThat(offered.body()).contains("account.suspend").doesNotContain("\"account.lift-suspension\"");

        var suspended = api().post(
                        "/api/v1/accounts/" + account + "/actions/account.suspend",
                        "{\"reason\":\"chargeback investigation\"}");
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(201);
        assertThat(suspended.json().at("/operation/stage").asString()).isEqualTo("applied");
        assertThat(status(account)).isEqualTo("suspended");
        String operation = suspended.json().at("/operation/id").asString();
        var history = api().get("/api/v1/operations/" + operation + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("chargeback investigation").contains("suspended");

        var again = api().post("/api/v1/accounts/" + account + "/actions/account.suspend", "{\"reason\":\"twice\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).contains("application/problem+json");

        var maker = apiWith("action:account.lift-suspension", "account_action:view", "account_action:approve");
        var lift = maker.post(
                "/api/v1/accounts/" + account + "/actions/account.lift-suspension",
                "{\"reason\":\"investigation closed\"}");
        assertThat(lift.status()).as(lift.body()).isEqualTo(202);
        assertThat(status(account)).isEqualTo("suspended");
        String request = lift.json().at("/approvalRequest/id").asString();
        assertThat(maker.post("/api/v1/approvals/" + request + "/approve", "{}").status())
                .isIn(403, 409);
        assertThat(status(account)).isEqualTo("suspended");

        var checker = apiWith("account_action:view", "account_action:approve");
        assertThat(checker.post("/api/v1/approvals/" + request + "/approve", "{}")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(account).equals("active"));
        String liftOperation = lift.json().at("/operation/id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> api().get("/api/v1/operations/" + liftOperation)
                .json()
                .get("status")
                .asString()
                .equals("SUCCESS"));
    }

    @Test
    void cancellingAnAccountAsksForItsNumberTypedAndASecondPerson() {
        String account = openAccount(createPerson("João Lima"));
        String number = account(account).json().at("/account/number").asString();

        var unconfirmed = api().post(
                        "/api/v1/accounts/" + account + "/actions/account.cancel",
                        "{\"reason\":\"client asked\",\"confirm\":\"00000000\"}");
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.json().at("/errors/0/field").asString()).isEqualTo("confirm");

        var confirmed = api().post(
                        "/api/v1/accounts/" + account + "/actions/account.cancel",
                        "{\"reason\":\"client asked\",\"confirm\":\"" + number + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(202);
        assertThat(status(account)).isEqualTo("active");
    }

    @Test
    void aDeletedPersonAnswers404AndIsRestoredWithAReason() {
        String person = createPerson("Ana Ribeiro");
        var deleted = api().delete("/api/v1/persons/" + person + "?reason=duplicate%20record");
        assertThat(deleted.status()).as(deleted.body()).isIn(200, 201);
        assertThat(api().get("/api/v1/persons/" + person).status()).isEqualTo(404);
        var listed = api().get("/api/v1/registry/deleted?kind=person");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(person).contains("duplicate record");
    }

    @Test
    void badInputOnTheShortFormsIsAFieldError() {
        var badCpf = api().post(
                        "/api/v1/persons",
                        "{\"input\":{\"name\":\"X\",\"documentType\":\"cpf\",\"documentNumber\":\"123.456.789-00\"},"
                                + "\"reason\":\"r\"}");
        assertThat(badCpf.status()).isEqualTo(422);
        assertThat(badCpf.body()).contains("documentNumber");
        var unknownHolder = api().post(
                        "/api/v1/accounts",
                        "{\"input\":{\"holderKind\":\"person\",\"holderId\":\"" + java.util.UUID.randomUUID()
                                + "\",\"kind\":\"personal\"},\"reason\":\"r\"}");
        assertThat(unknownHolder.status()).isBetween(400, 499);
        assertThat(unknownHolder.header("Content-Type")).contains("application/problem+json");
    }
}
