package org.opsdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The frame around every console page: navigation by permission, the language switch that remembers the choice
 * (in the operator's profile once signed in, in a cookie before), and keyboard access to search.
 */
class ConsoleFrameBrowserIntegrationTests extends BrowserTest {

    @Test
    void switchesTheLanguageWithLangAndRemembersItInTheOperatorsProfile() {
        var operator = operatorWithMfa("operator");
        signIn(page, operator);

        page.navigate("/account?lang=pl");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("pl");
        assertThat(page.locator("nav.sidebar").textContent()).contains("Operacje");
        assertNoMissingMessageKeys(page);

        page.navigate("/account");
        assertThat(page.locator("html").getAttribute("lang"))
                .as("remembered without ?lang=")
                .isEqualTo("pl");
        assertThat(jdbc.sql("select locale from access.operator where username = ?")
                        .param(operator.username())
                        .query(String.class)
                        .single())
                .isEqualTo("pl");

        page.navigate("/account?lang=pt-BR");
        assertThat(page.locator("nav.sidebar").textContent()).contains("Operações");
        assertThat(page.locator(".languages a[aria-current=true]").textContent())
                .isEqualTo("Português (Brasil)");
        screenshot(page, "account-pt-BR");
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
        var cashier = operatorWithMfa("cashier");
        signIn(page, cashier);
        page.navigate("/account?lang=en");

        assertThat(page.locator("nav.sidebar a").allTextContents())
                .contains("Dashboard", "Operations", "Approvals", "Workflows")
                .doesNotContain("Exports", "Administration");
        page.keyboard().press("/");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("console-search");
        assertNoSeriousA11yViolations(page);
    }
}
