package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.provider.ProviderOutcomeRecorder;
import org.opsdesk.provider.ProviderPermissions;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operation page's {@code provider} panel, as operators use it through htmx: the state and next check of an
 * action waiting for the provider, "Check now", and a settlement asked for by one operator that the same operator
 * cannot approve and a second one does — in the operator's language, with refusals beside the controls.
 */
class ProviderPanelIntegrationTests extends SignInTestSupport {

    private static final String TYPE = "provider_test_action";

    @Autowired
    ProviderOutcomeRecorder outcomes;

    @Test
    void showsAPendingOutcomeAndLetsASecondOperatorApproveASettlement() {
        String role = roleWithoutMfa(
                "provider-panel-settler", TYPE + ":view", ProviderPermissions.CHECK, ProviderPermissions.SETTLE);
        var maker = htmx(signedInAs(operator(role)));
        var checker = htmx(signedInAs(operatorSpeaking("pt-BR", role)));
        String id = waitingAction();
        String panel = "/operations/" + id + "/panels/provider";

        var shown = maker.get(panel);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.html().select("#panel-provider h2").text()).isEqualTo("Provider outcome");
        assertThat(shown.body()).contains("Waiting for the provider", "no answer from the provider: test");
        assertThat(shown.html().select("#provider-next-check time").attr("datetime"))
                .isNotBlank();
        assertThat(shown.html().select("#provider-check")).hasSize(1);

        var checked = maker.post(panel + "/check");
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.html().select("#provider-notice").text()).startsWith("Checked. The provider said:");

        var blank = maker.post(panel + "/settle", "outcome", "done", "reason", " ");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.header("HX-Retarget")).isEqualTo("#error-provider");
        assertThat(blank.html().select(".field-error").text()).contains("Give a reason");

        var asked = maker.post(panel + "/settle", "outcome", "failed", "reason", "statement shows no debit");
        assertThat(asked.html().select("#provider-notice").text()).contains("a second person must approve");
        assertThat(asked.html().select("#provider-approve"))
                .as("not offered to the maker")
                .isEmpty();
        assertThat(asked.html().select("#provider-settlement").text()).contains("statement shows no debit");
        String settlement = jdbc.sql("select id::text from provider.settlement_request where operation_id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        var byTheMaker = maker.post(panel + "/approve", "settlement", settlement);
        assertThat(byTheMaker.header("HX-Retarget")).isEqualTo("#error-provider");
        assertThat(byTheMaker.html().select(".field-error").text()).contains("a second person must approve it");
        assertThat(outcomes.of(UUID.fromString(id))).isEmpty();

        var seenByTheChecker = checker.get(panel);
        assertThat(seenByTheChecker.html().select("#provider-approve").text()).isEqualTo("Aprovar");
        var approved = checker.post(panel + "/approve", "settlement", settlement);

        assertThat(approved.html().select("#provider-notice").text()).isEqualTo("Liquidação aprovada.");
        assertThat(approved.body()).contains("Conhecido");
        var heard = outcomes.of(UUID.fromString(id));
        assertThat(heard).hasSize(1);
        assertThat(heard.get(0).outcome().source()).isEqualTo("settled");
        assertThat(heard.get(0).outcome().answer())
                .isEqualTo(new ProviderAnswer.Failed("settled by hand: statement shows no debit"));
    }

    @Test
    void isEmptyForOperationsThatAreNoActionAndHiddenFromThoseWhoMayNotSeeThem() {
        String role = roleWithoutMfa("provider-panel-reader", TYPE + ":view", "withdrawal:view");
        var reader = htmx(signedInAs(operator(role)));
        String withdrawal = create(Operations.withdrawal()).get("id").asString();
        String id = waitingAction();

        var noAction = reader.get("/operations/" + withdrawal + "/panels/provider");
        var readOnly = reader.get("/operations/" + id + "/panels/provider");
        var stranger = htmx(signedInAs(operator(roleWithoutMfa("provider-panel-stranger", "deposit:view"))))
                .get("/operations/" + id + "/panels/provider");

        assertThat(noAction.status()).isEqualTo(200);
        assertThat(noAction.body()).isBlank();
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(readOnly.body()).contains("Waiting for the provider");
        assertThat(readOnly.html().select("#provider-check, #provider-settle")).isEmpty();
        assertThat(stranger.status()).isEqualTo(404);
    }

    /** An action operation whose outcome the provider has not given yet (the resolver's row, as send leaves it). */
    private String waitingAction() {
        String id = create(Operations.of(TYPE)).get("id").asString();
        jdbc.sql("insert into provider.pending_outcome (operation_id, action_id, state, why, next_check_at,"
                        + " created_at) values (?::uuid, 'account.sync-status', 'pending',"
                        + " 'no answer from the provider: test', now() + interval '1 hour', now())")
                .param(id)
                .update();
        return id;
    }

    private static ConsoleClient htmx(ConsoleClient browser) {
        return browser.header("HX-Request", "true");
    }
}
