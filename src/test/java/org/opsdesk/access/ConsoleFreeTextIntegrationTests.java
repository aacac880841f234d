package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.Operations;

/**
 * The console's forms meet the same rule for reasons as the API (issue 11): a reason with a control character, or
 * longer than 2,000 characters, is refused on the detail page, in bulk actions and when declining an approval,
 * with the rule in the operator's language — it never reaches the history, webhooks or client emails. Each test
 * failed before: the console passed the reason straight to the facade, which stored it. (Here, beside the sign-in
 * tests, for their console client: an operator signs in as a browser does.)
 */
class ConsoleFreeTextIntegrationTests extends SignInTestSupport {

    private static final String BELL = "checked\u0007twice";
    private static final String RULE_IN_PORTUGUESE = "O motivo deve ser texto simples de no máximo 2.000 caracteres.";

    private ConsoleClient browser;

    @BeforeEach
    void signIn() {
        var role = api().post(
                        "/api/v1/roles",
                        "{\"name\":\"free-text-desk\",\"description\":\"withdrawals, no second factor\","
                                + "\"permissions\":[\"withdrawal:*\"],\"mfaRequired\":false}");
        assertThat(role.status()).as(role.body()).isIn(201, 409);
        browser = browser();
        assertThat(browser.signIn(operatorSpeaking("pt-BR", "free-text-desk"), PASSWORD)
                        .status())
                .isEqualTo(302);
    }

    @Test
    void refusesAReasonWithAControlCharacterOnTheDetailPage() {
        String id = underReview("100.00");
        browser.get("/operations/" + id);

        var answer = browser.post(
                "/operations/" + id + "/transitions", "to", "approved", "reason", BELL, "version", version(id));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains(RULE_IN_PORTUGUESE);
        assertThat(stage(id)).isEqualTo("under_review");
    }

    @Test
    void refusesATooLongReasonInBulkActions() {
        String id = underReview("100.00");
        browser.get("/operations");

        var answer = browser.post(
                "/operations/bulk",
                "ids",
                id + "@" + version(id),
                "action",
                "transition",
                "to",
                "approved",
                "reason",
                "x".repeat(2001));

        assertThat(answer.body()).contains(RULE_IN_PORTUGUESE);
        assertThat(stage(id)).isEqualTo("under_review");
    }

    @Test
    void refusesADeclineReasonWithAControlCharacter() {
        String id = underReview("2500.00");
        var maker = apiWith("withdrawal:view", "withdrawal:transition:approved");
        String request = maker.post(
                        "/api/v1/operations/" + id + "/transitions",
                        "{\"to\":\"approved\",\"reason\":\"documents checked\"}")
                .json()
                .get("id")
                .asString();
        browser.get("/approvals");

        var answer = browser.post("/approvals/" + request + "/decline", "reason", BELL);

        assertThat(answer.body()).contains(RULE_IN_PORTUGUESE);
        assertThat(api().get("/api/v1/approvals/" + request).json().get("state").asString())
                .isEqualTo("PENDING");
    }

    private String underReview(String amount) {
        String id =
                create(Operations.withdrawal().amount(amount, "EUR")).get("id").asString();
        assertThat(transition(id, "under_review", null).status()).isEqualTo(200);
        return id;
    }

    private String version(String id) {
        return api().get("/api/v1/operations/" + id).json().get("version").asString();
    }

    private String stage(String id) {
        return api().get("/api/v1/operations/" + id).json().get("stage").asString();
    }
}
