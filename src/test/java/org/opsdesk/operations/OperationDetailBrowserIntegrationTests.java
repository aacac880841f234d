package org.opsdesk.operations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.TestClients;
import org.opsdesk.support.Operations;
import org.opsdesk.support.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * The operation page in Chromium, signed in with a password and an authenticator code: moving with a reason
 * (refused beside the control without one), claiming and releasing, commenting on the hash-chained history, sending
 * a manual notification after previewing it, the stale-page message when someone else acted first, and the main
 * flow by keyboard alone. Each test works on operations it creates.
 */
class OperationDetailBrowserIntegrationTests extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    private static final String RULE = "deposit-declined-client-email";

    @Autowired
    private MessageSource messages;

    @Test
    void movesWithAReasonClaimsReleasesAndCommentsOnTheVerifiedTimeline() throws Exception {
        var withdrawal = Operations.withdrawal();
        String id = underReview(withdrawal);
        List<String> confirmations = acceptConfirmations(page);
        var operator = signInWithMfa(page, "operator");

        page.navigate("/operations/" + id);

        assertThat(page.locator("h1")).hasText(withdrawal.reference());
        assertThat(page.locator(".detail-header .status")).hasText(english("status.PENDING"));
        assertThat(page.locator(".detail-header .stage")).hasText("under review");
        assertThat(page.locator("#detail-amount")).hasText("250.00 EUR");
        assertThat(page.locator("#chain")).hasClass(Pattern.compile("\\bok\\b"));
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);

        page.locator("#claim").click();
        assertThat(page.locator("#detail-assignee")).hasText(operator.username());
        assertThat(firstEntry()).containsText(english("detail.kind.assigned.claim"));
        page.locator("#release").click();
        assertThat(page.locator("#detail-assignee")).hasText(english("detail.unassigned"));
        assertThat(firstEntry()).containsText(english("detail.kind.assigned.release"));

        page.locator("#comment-text").fill("   ");
        page.locator("#comment-submit").click();
        assertThat(page.locator("#error-comment")).containsText(english("detail.invalid.text"));
        assertThat(page.locator("#error-comment")).not().containsText("must not be blank");
        page.locator("#comment-text").fill("Called the client: the IBAN belongs to her employer.");
        page.locator("#comment-submit").click();
        assertThat(firstEntry().locator(".timeline-comment"))
                .hasText("Called the client: the IBAN belongs to her employer.");
        assertThat(firstEntry()).containsText(operator.username());
        var verified = api().get("/api/v1/operations/" + id + "/history/verify").json();
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(page.locator("#chain"))
                .hasText(english("detail.chain.ok", verified.get("entries").asInt()));
        assertThat(api().get("/api/v1/operations/" + id + "/history").body()).contains("\"kind\":\"commented\"");

        page.locator("#move-button-rejected").click();
        assertThat(page.locator("#error-move-rejected")).hasText(english("detail.error.reason-required"));
        assertThat(confirmations).last().asString().contains("rejected").contains(english("status.REJECTED"));
        assertThat(stageOf(id)).as("refused: still where it was").isEqualTo("under_review");
        assertThat(Files.size(screenshot(page, "reason-refused"))).isPositive();

        page.locator("#reason-rejected").fill("Beneficiary account is not the client's own");
        page.locator("#move-button-rejected").click();

        assertThat(page.locator("#detail-notice")).hasText(english("detail.notice.moved", "rejected"));
        assertThat(page.locator(".detail-header .status")).hasText(english("status.REJECTED"));
        var moved = firstEntry();
        assertThat(moved).containsText(english("detail.kind.transitioned"));
        assertThat(moved).containsText(operator.username());
        assertThat(moved.locator(".timeline-reason"))
                .hasText(english("detail.timeline.reason", "Beneficiary account is not the client's own"));
        assertThat(stageOf(id)).isEqualTo("rejected");
        assertThat(page.locator("#chain")).hasClass(Pattern.compile("\\bok\\b"));
        assertNoSeriousA11yViolations(page);
        assertThat(Files.size(screenshot(page, "rejected"))).isPositive();
    }

    @Test
    void previewsTheManualNotificationInTheClientsLanguageAndSendsIt() throws Exception {
        String address = "lia-" + UUID.randomUUID() + "@example.com";
        String subject = TestClients.create(api(), "pt-BR", "\"email\":\"" + address + "\"", "email", true);
        var deposit = Operations.of("deposit").amount("80.00", "EUR").subject(subject);
        String id = create(deposit).get("id").asString();
        assertThat(transition(id, "declined", "cartão recusado pelo banco").status())
                .isEqualTo(200);
        var operator = signInWithMfa(page, "operator");

        page.navigate("/operations/" + id);
        page.locator("#preview-" + RULE).click();

        var dialog = page.locator("#dialog-" + RULE);
        assertThat(dialog).isVisible();
        assertThat(dialog.locator(".preview-subject")).hasText("Seu depósito " + deposit.reference() + " foi recusado");
        assertThat(dialog.locator(".preview-text"))
                .hasValue(Pattern.compile("^Olá, Ana Souza,[\\s\\S]*cartão recusado"));
        assertNoSeriousA11yViolations(page);
        assertThat(Files.size(screenshot(page, "notification-preview"))).isPositive();
        page.locator("#send-" + RULE).click();

        assertThat(page.locator("#notify-notice")).hasText(english("notifications.manual.sent", "email", subject));
        assertThat(page.locator(".kind-notification").first()).containsText("email → " + subject);
        assertThat(page.locator(".kind-notification").first()).containsText(operator.username());
        // the delivery engine sends it (its own tests follow it to the SMTP server); here: who sent what, unedited
        // (the client's, not the alerts the mailbox gets when other deliveries of this operation fail meanwhile)
        var sent = new java.util.ArrayList<JsonNode>();
        api().get("/api/v1/notifications?operationId=" + id + "&channel=email")
                .json()
                .get("items")
                .forEach(item -> {
                    if ("client".equals(item.get("audience").asString())) {
                        sent.add(item);
                    }
                });
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("ruleId").asString()).isEqualTo(RULE);
        assertThat(sent.get(0).get("recipient").asString()).isEqualTo(subject);
        assertThat(sent.get(0).get("sentBy").get("name").asString()).isEqualTo(operator.username());
        assertThat(sent.get(0).get("edited").asBoolean()).isFalse();
    }

    @Test
    void saysWhoChangedTheOperationMeanwhileAndOffersAReload() {
        var first = operatorWithMfa("operator");
        var second = operatorWithMfa("operator");
        String id = underReview(Operations.withdrawal());
        signIn(page, first);
        page.navigate("/operations/" + id);
        assertThat(page.locator("#claim")).isVisible();

        var other = newContext("en-US").newPage();
        signIn(other, second);
        other.navigate("/operations/" + id);
        other.locator("#claim").click();
        assertThat(other.locator("#detail-assignee")).hasText(second.username());

        page.locator("#claim").click();

        var stale = page.locator("#error-claim");
        assertThat(stale).containsText(english("detail.stale", second.username()));
        assertThat(stale.locator("[role=alert]")).isVisible();
        assertThat(page.locator("#detail-assignee")).hasText(english("detail.unassigned"));
        assertNoSeriousA11yViolations(page);
        screenshot(page, "stale");
        stale.locator("a.reload").click();
        assertThat(page.locator("#detail-assignee")).hasText(second.username());
        assertThat(page.locator("#claim")).hasCount(0);
    }

    @Test
    void takesTheMainFlowWithTheKeyboardAlone() {
        var operator = operatorWithMfa("operator");
        String id = underReview(Operations.withdrawal());
        var keyboard = page.keyboard();
        List<String> confirmations = acceptConfirmations(page);
        signIn(page, operator);
        page.navigate("/operations/" + id);

        tabTo(page.locator("#claim"));
        keyboard.press("Enter");
        assertThat(page.locator("#detail-assignee")).hasText(operator.username());

        tabTo(page.locator("#comment-text"));
        keyboard.type("Checked by phone.");
        keyboard.press("Tab");
        assertThat(page.locator("#comment-submit")).isFocused();
        keyboard.press("Space");
        assertThat(firstEntry().locator(".timeline-comment")).hasText("Checked by phone.");

        tabTo(page.locator("#move-button-rejected"));
        keyboard.press("Enter");
        assertThat(page.locator("#error-move-rejected")).hasText(english("detail.error.reason-required"));
        tabTo(page.locator("#reason-rejected"));
        keyboard.type("Duplicate of an earlier request");
        keyboard.press("Tab");
        assertThat(page.locator("#move-button-rejected")).isFocused();
        keyboard.press("Enter");

        assertThat(page.locator("#detail-notice")).hasText(english("detail.notice.moved", "rejected"));
        assertThat(page.locator("#detail-notice")).isFocused();
        assertThat(confirmations).hasSize(2);
        assertThat(stageOf(id)).isEqualTo("rejected");
        assertThat(firstEntry().locator(".timeline-reason"))
                .hasText(english("detail.timeline.reason", "Duplicate of an earlier request"));
    }

    /** Presses Tab until the element has the focus (failing after a page's worth of stops), like a person would. */
    private void tabTo(Locator target) {
        for (int i = 0; i < 80; i++) {
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + target);
    }

    /** Accepts every confirmation the page asks for, keeping what it said. */
    private static List<String> acceptConfirmations(Page page) {
        var said = new CopyOnWriteArrayList<String>();
        page.onDialog((Dialog dialog) -> {
            said.add(dialog.message());
            dialog.accept();
        });
        return said;
    }

    /** The newest history entry (webhook deliveries of other tests' endpoints may interleave on the timeline). */
    private Locator firstEntry() {
        return page.locator("#timeline li:not(.kind-notification)").first();
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
