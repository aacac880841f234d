package org.opsdesk.operations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.Operations;
import org.opsdesk.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * Four eyes in two browsers: a supervisor (the maker) asks to approve a 5,000 EUR withdrawal, sees the pending
 * request on the record without a button to decide it, and is refused when forging the approval anyway; a
 * compliance officer (the checker) finds it in the approvals queue with maker, move and amount, and approves or
 * declines it.
 */
class ApprovalsBrowserIntegrationTests extends BrowserTest {

    @Autowired
    private MessageSource messages;

    @Test
    void theCheckerApprovesInTheQueueWhatTheMakerAskedForAndCouldNotApproveThemselves() throws Exception {
        var maker = operatorWithMfa("supervisor");
        var checker = operatorWithMfa("compliance");
        var withdrawal = Operations.withdrawal().amount("5000.00", "EUR");
        String id = underReview(withdrawal);
        signIn(page, maker);

        String requestId = requestApproval(page, id);

        var pending = page.locator("#approval-" + requestId);
        assertThat(pending.locator(".pending-maker"))
                .hasText(english("detail.pending.asked", maker.username(), "approved"));
        assertThat(pending.locator(".pending-who")).hasText(english("detail.pending.who", 1, "withdrawal:approve"));
        assertThat(pending).containsText(english("detail.pending.mine"));
        assertThat(page.locator("#approve-" + requestId)).hasCount(0);
        assertThat(page.locator("#decline-" + requestId)).hasCount(0);
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        assertThat(Files.size(screenshot(page, "maker-sees-pending"))).isPositive();

        var forged = page.request()
                .post(
                        "/approvals/" + requestId + "/approve",
                        RequestOptions.create().setForm(FormData.create().set("_csrf", csrfToken(page))));
        assertThat(forged.status()).as("the maker's own approval is refused").isEqualTo(403);
        assertThat(forged.text()).contains(english("detail.error.maker-cannot-approve"));
        assertThat(request(requestId).get("state").asString()).isEqualTo("PENDING");
        assertThat(stageOf(id)).isEqualTo("under_review");

        var checking = newContext("en-US").newPage();
        signIn(checking, checker);
        checking.navigate("/approvals");
        var row = checking.locator("#request-" + requestId);
        assertThat(row).containsText(withdrawal.reference());
        assertThat(row.locator(".requested-move")).containsText("under review → approved");
        assertThat(row.locator("td.money")).hasText("5,000.00 EUR");
        assertThat(row.locator(".maker")).hasText(maker.username());
        assertNoSeriousA11yViolations(checking);
        assertNoMissingMessageKeys(checking);
        assertThat(Files.size(screenshot(checking, "queue"))).isPositive();

        checking.locator("#approve-" + requestId).click();

        waitForPath(checking, "/approvals");
        assertThat(checking.locator("#approvals-notice")).hasText(english("approvals.notice.applied", "approved"));
        assertThat(checking.locator("#request-" + requestId)).hasCount(0);
        assertThat(stageOf(id)).isEqualTo("approved");
        assertThat(request(requestId).get("state").asString()).isEqualTo("APPROVED");
        page.reload();
        assertThat(page.locator(".detail-header .stage")).hasText("approved");
        assertThat(page.locator("#pending-approvals")).hasCount(0);
        assertThat(page.locator("#timeline li:not(.kind-notification)").first())
                .containsText(english("detail.kind.transitioned.approved", checker.username()));
        assertThat(Files.size(screenshot(page, "approved"))).isPositive();
    }

    @Test
    void theCheckerDeclinesWithAReasonAndTheOperationStaysWhereItWas() {
        var maker = operatorWithMfa("supervisor");
        var checker = operatorWithMfa("compliance");
        String id = underReview(Operations.withdrawal().amount("7500.00", "EUR"));
        signIn(page, maker);
        String requestId = requestApproval(page, id);

        var checking = newContext("en-US").newPage();
        signIn(checking, checker);
        checking.navigate("/operations/" + id);
        assertThat(checking.locator("#approve-" + requestId)).isVisible();
        checking.locator("#decline-" + requestId).click();
        assertThat(checking.locator("#error-decline-" + requestId)).hasText(english("detail.error.reason-required"));
        assertThat(request(requestId).get("state").asString()).isEqualTo("PENDING");

        checking.locator("#decline-reason-" + requestId).fill("Beneficiary not verified yet");
        checking.locator("#decline-" + requestId).click();

        assertThat(checking.locator("#detail-notice")).hasText(english("approvals.notice.declined"));
        assertThat(checking.locator("#pending-approvals")).hasCount(0);
        assertThat(checking.locator("#timeline li:not(.kind-notification)").first())
                .containsText(english("detail.kind.approval_declined", "approved"));
        assertThat(checking.locator("#timeline li:not(.kind-notification)")
                        .first()
                        .locator(".timeline-reason"))
                .hasText(english("detail.timeline.reason", "Beneficiary not verified yet"));
        assertThat(stageOf(id)).isEqualTo("under_review");
        var declined = request(requestId);
        assertThat(declined.get("state").asString()).isEqualTo("DECLINED");
        assertNoSeriousA11yViolations(checking);
        screenshot(checking, "declined");
    }

    /** The maker asks for the four-eyes move on the operation page; answers the request's id. */
    private String requestApproval(Page maker, String id) {
        maker.navigate("/operations/" + id);
        var button = maker.locator("#move-button-approved");
        assertThat(button).hasText(english("detail.move.request", "approved"));
        button.click();
        assertThat(maker.locator("#detail-notice")).hasText(english("detail.notice.requested", "approved"));
        assertThat(stageOf(id)).as("waits for the checker").isEqualTo("under_review");
        String requestId = maker.locator("#pending-approvals .pending-request")
                .first()
                .getAttribute("id")
                .substring("approval-".length());
        assertThat(request(requestId).get("operationId").asString()).isEqualTo(id);
        return requestId;
    }

    private static String csrfToken(Page page) {
        return page.locator("meta[name=csrf-token]").getAttribute("content");
    }

    private JsonNode request(String requestId) {
        return api().get("/api/v1/approvals/" + requestId).json();
    }

    private String underReview(Operations operation) {
        String id = create(operation).get("id").asString();
        var moved = transition(id, "under_review", null);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        return id;
    }

    private String stageOf(String id) {
        return api().get("/api/v1/operations/" + id).json().get("stage").asString();
    }

    private String english(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
