package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every console form has a size cap, not only the sign-in forms: a signed-in operator's (or a stolen session's)
 * oversized post is refused with 413 and the readable "Form too large" page before anything parses it, while a form
 * as large as the biggest one Opsdesk accepts (a manual email's HTML body) still goes through.
 */
class ConsoleFormLimitIntegrationTests extends SignInTestSupport {

    @Test
    void refusesAConsoleFormOverTheCapWithA413PageAndLetsALargeButAllowedFormThrough() {
        var browser = browser();
        browser.signIn(operator("support"), PASSWORD);

        var huge = browser.post("/operations/bulk", "action", "claim", "reason", "x".repeat(600_000));

        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.header("content-type")).startsWith("text/html");
        assertThat(huge.html().selectFirst("h1").text()).isEqualTo("Form too large");

        var large = browser.post("/operations/bulk", "action", "claim", "reason", "x".repeat(300_000));
        assertThat(large.status()).as("under the cap: the form's own answer").isEqualTo(200);
        assertThat(browser.get("/").status()).as("still signed in").isEqualTo(200);
    }
}
