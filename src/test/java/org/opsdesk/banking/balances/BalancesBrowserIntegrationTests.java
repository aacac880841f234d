package org.opsdesk.banking.balances;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.StatementTexts;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The balances pages in Chromium: an account's balance at its latest statement, the movement a later notification
 * brought, the chart with its gap marker, the statements timeline with the gap flagged, and the reserve per currency.
 */
class BalancesBrowserIntegrationTests extends BrowserTest {

    @Test
    void anAuditorReadsAnAccountsBalanceItsMovementsSinceTheChartAndTheGap() {
        var account = StatementTexts.threeStatements(api());
        String notification = StatementTexts.camt054(
                account, "N-" + account.id().substring(0, 8), LocalDate.of(2026, 11, 9), "20.00", "PAID LATER");
        var imported = StatementTexts.importFile(api(), "", notification);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        signInWithMfa(page, "auditor");
        page.navigate("/exchange/balances");
        assertThat(page.locator("h1")).hasText("Balances");
        assertThat(page.locator("#reserve tr[data-currency=TRY]")).hasCount(1);
        var row = page.locator("#balances tr[data-account='" + account.id() + "']");
        assertThat(row).containsText("1,405.00");
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);

        row.locator("a").click();
        assertThat(page.locator("#latest-balance")).containsText("1,405.00");
        assertThat(page.locator("#latest-balance")).containsText("2026-11-06");
        assertThat(page.locator("#since-entries")).containsText("PAID LATER");
        assertThat(page.locator("#balance-projected")).containsText("1,425.00");
        assertThat(page.locator("#balance-chart")).hasAttribute("data-points", "3");
        assertThat(page.locator("#balance-chart circle.gap")).hasCount(1);
        var gapRow = page.locator("#statements tr[data-gap=true]");
        assertThat(gapRow).hasCount(1);
        assertThat(gapRow).containsText("1,309.50");
        assertThat(page.locator("#entries tbody tr")).hasCount(5);
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        screenshot(page, "balance");
    }
}
