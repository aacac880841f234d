package org.opsdesk.provider.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.provider.ProviderOutcomeRecorder;
import org.opsdesk.support.Operations;
import org.opsdesk.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two supervisors in Chromium on an action's operation page whose outcome the provider has not given: the provider
 * panel loads with the page, "Check now" answers in place, one supervisor asks to settle it by hand and is not
 * offered the approval, the other approves it — and the outcome is known.
 */
class ProviderPanelBrowserIntegrationTests extends BrowserTest {

    @Autowired
    ProviderOutcomeRecorder outcomes;

    @Test
    void aSupervisorChecksAndAsksToSettleAndASecondOneApproves() {
        String id = create(Operations.of("provider_test_action")).get("id").asString();
        jdbc.sql("insert into provider.pending_outcome (operation_id, action_id, state, why, next_check_at,"
                        + " created_at) values (?::uuid, 'account.sync-status', 'pending',"
                        + " 'no answer from the provider: browser test', now() + interval '1 hour', now())")
                .param(id)
                .update();
        signInWithMfa(page, "supervisor");

        page.navigate("/operations/" + id);
        assertThat(page.locator("#panel-provider")).containsText("Waiting for the provider");
        assertThat(page.locator("#provider-next-check time")).isVisible();
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);

        page.locator("#provider-check").click();
        assertThat(page.locator("#provider-notice")).containsText("Checked. The provider said:");

        page.locator("#panel-provider input[name=outcome][value=done]").check();
        page.locator("#provider-settle-reason").fill("provider support confirmed it by phone, ticket 8812");
        page.locator("#provider-settle").click();
        assertThat(page.locator("#provider-settlement")).containsText("ticket 8812");
        assertThat(page.locator("#provider-approve")).hasCount(0);

        var second = newContext("en").newPage();
        signInWithMfa(second, "supervisor");
        second.navigate("/operations/" + id);
        second.locator("#provider-approve").click();

        assertThat(second.locator("#provider-notice")).hasText("Settlement approved.");
        assertThat(second.locator("#panel-provider")).containsText("Known");
        assertThat(outcomes.of(UUID.fromString(id)))
                .singleElement()
                .satisfies(heard -> assertThat(heard.outcome().source()).isEqualTo("settled"));
    }
}
