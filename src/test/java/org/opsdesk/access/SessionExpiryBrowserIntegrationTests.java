package org.opsdesk.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.browser.BrowserTest;

/**
 * A list left open after its session expired: its next background poll takes the browser to the sign-in page,
 * which says why, instead of the sign-in page appearing inside the list's "new operations" banner.
 */
class SessionExpiryBrowserIntegrationTests extends BrowserTest {

    @Test
    void theListsPollAfterTheSessionExpiredTakesTheBrowserToTheSignInPageSayingWhy() {
        var operator = signInWithMfa(page, "operator");
        page.navigate("/operations");
        assertThat(page.locator("#fresh")).hasAttribute("hx-trigger", "every 10s");

        // the session expires (Spring Session removes it) while the page stays open
        jdbc.sql("delete from access.http_session where principal_name = ?")
                .param(operator.username())
                .update();

        page.waitForURL("**/login?expired", new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(page.locator("[role=status]"))
                .hasText("Your session expired while the page was open. Please sign in again.");
    }
}
