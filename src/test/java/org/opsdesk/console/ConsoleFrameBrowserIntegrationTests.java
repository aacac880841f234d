package org.opsdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The frame around every console page: navigation by permission, the language switch that remembers the choice
 * (in the operator's profile once signed in, from the switch's POST; for the session or in a cookie with ?lang=),
 * and keyboard access to search.
 */
class ConsoleFrameBrowserIntegrationTests extends BrowserTest {

    @Test
    void switchesTheLanguageWithLangForTheSessionButChangesTheProfileOnlyFromTheSwitch() {
        var operator = signInWithMfa(page, "operator");

        page.navigate("/account?lang=pl");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("pl");
        assertThat(page.locator("nav.sidebar").textContent()).contains("Operacje");
        assertNoMissingMessageKeys(page);
        page.navigate("/account");
        assertThat(page.locator("html").getAttribute("lang"))
                .as("remembered for the session without ?lang=")
                .isEqualTo("pl");
        assertThat(profileLanguage(operator))
                .as("a GET never writes the profile")
                .isEqualTo("en");

        page.navigate("/operations?lang=en");
        page.locator(".languages button", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Polski"))
                .click();
        page.waitForURL(url -> url.endsWith("/operations"));
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("pl");
        assertThat(profileLanguage(operator))
                .as("the switch saves it to the profile")
                .isEqualTo("pl");

        page.locator(".languages button", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Português"))
                .click();
        assertThat(page.locator("nav.sidebar").textContent()).contains("Operações");
        assertThat(page.locator(".languages [aria-current=true]").textContent()).isEqualTo("Português (Brasil)");
        assertThat(profileLanguage(operator)).isEqualTo("pt-BR");
        screenshot(page, "account-pt-BR");
    }

    private String profileLanguage(Credentials operator) {
        return jdbc.sql("select locale from access.operator where username = ?")
                .param(operator.username())
                .query(String.class)
                .single();
    }

    @Test
    void remembersTheLanguageChosenBeforeSignInInACookie() {
        page.navigate("/login?lang=nl");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("nl");

        page.navigate("/login");

        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("nl");
        assertThat(page.context().cookies()).anySatisfy(cookie -> {
            assertThat(cookie.name).isEqualTo("opsdesk_lang");
            assertThat(cookie.value).isEqualTo("nl");
            assertThat(cookie.httpOnly).isTrue();
        });
    }

    @Test
    void showsOnlyTheNavigationTheOperatorMayUseAndPassesAxe() {
        var cashier = signInWithMfa(page, "cashier");
        page.navigate("/account?lang=en");

        assertThat(page.locator("nav.sidebar a").allTextContents())
                .contains("Dashboard", "Operations", "Approvals", "Workflows")
                .doesNotContain("Exports", "Administration");
        page.keyboard().press("/");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("console-search");
        assertNoSeriousA11yViolations(page);
    }
}
