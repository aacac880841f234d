package org.opsdesk.workflow.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.browser.BrowserTest;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.annotation.Autowired;

/** The workflow pages: the list of types, and one type drawn as a diagram with its transitions and notifications. */
class WorkflowPagesBrowserIntegrationTests extends BrowserTest {

    @Autowired
    Workflows workflows;

    @Test
    void drawsTheWithdrawalWorkflowWithItsTransitionsAndTheNotificationsEachStageSetsOff() {
        WorkflowDefinition withdrawal = workflows.current("withdrawal").orElseThrow();
        signInWithMfa(page, "operator");

        page.navigate("/workflows");
        assertThat(page.locator("table.data tbody tr").count())
                .isEqualTo(workflows.all().size());
        assertNoSeriousA11yViolations(page);
        page.locator("a[href='/workflows/withdrawal']").click();
        waitForPath(page, "/workflows/withdrawal");

        var diagram = page.locator("svg.workflow-diagram");
        assertThat(diagram.getAttribute("role")).isEqualTo("img");
        assertThat(diagram.locator("title").textContent()).contains("withdrawal");
        assertThat(diagram.locator("g.wf-node").count())
                .isEqualTo(withdrawal.stages().size());
        for (Status status : Status.values()) {
            long stages = withdrawal.stages().stream()
                    .filter(s -> s.status() == status)
                    .count();
            var nodes = diagram.locator("g.wf-node.wf-status-" + status.name().toLowerCase(Locale.ROOT));
            assertThat(nodes.count()).as("%s stages", status).isEqualTo((int) stages);
        }
        for (Stage stage : withdrawal.stages()) {
            var node = diagram.locator("g.wf-node[data-stage='" + stage.code() + "']");
            assertThat(node.textContent())
                    .as("the status word beside the colour")
                    .contains(statusWord(stage.status()), stage.code());
        }
        assertThat(diagram.locator("g.wf-edge").count())
                .isEqualTo(withdrawal.transitions().size());

        var transitions = page.locator("#transitions tbody tr");
        assertThat(transitions.count()).isEqualTo(withdrawal.transitions().size());
        assertThat(page.locator("#transitions").textContent())
                .contains("withdrawal:transition:approved", "1 approval", "2 approvals", "1,000.00 EUR");

        assertThat(page.locator("#stage-rules tr[data-stage='sent']").textContent())
                .contains("Client", "SMS", "automatic", "withdrawal-sent-client-sms");
        assertThat(page.locator("#stage-rules tr[data-stage='failed']").textContent())
                .contains("Team mailbox", "(cashier)", "(supervisor)", "Assignee");
        assertThat(page.locator("#stage-rules tr[data-stage='under_review']").textContent())
                .contains("Webhooks")
                .doesNotContain("SMS");

        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);
        screenshot(page, "withdrawal");

        page.navigate("/workflows/withdrawal?lang=pl");
        assertThat(page.locator("#transitions-heading").textContent()).isEqualTo("Przejścia");
        assertNoMissingMessageKeys(page);
        page.navigate("/workflows/withdrawal?lang=en");
    }

    @Test
    void answersNotFoundForAnUnknownTypeAndDrawsTheOthers() {
        signInWithMfa(page, "auditor");

        assertThat(page.navigate("/workflows/no_such_type").status()).isEqualTo(404);
        assertThat(page.navigate("/workflows/deposit").status()).isEqualTo(200);
        assertThat(page.locator("g.wf-node").count())
                .isEqualTo(workflows.current("deposit").orElseThrow().stages().size());
    }

    private static String statusWord(Status status) {
        return switch (status) {
            case PENDING -> "Pending";
            case SUCCESS -> "Success";
            case ERROR -> "Error";
            case REJECTED -> "Rejected";
        };
    }
}
