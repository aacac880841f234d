package org.opsdesk.exchange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.browser.BrowserTest;

/**
 * In Chromium: a supervisor enables a currency (after a refused limit shown beside its field), adds a pair with a
 * rate, changes it, sees both in the pair's history and chart and downloads the history as CSV; an auditor sees the
 * same pages without any form, and the server refuses the change the auditor's browser tries anyway.
 */
class RatesDeskBrowserIntegrationTests extends BrowserTest {

    @Test
    void aSupervisorEnablesACurrencySetsARateChangesItAndSeesBothInTheHistory() throws IOException {
        DeskApi.enable(api(), "UZS");
        signInWithMfa(page, "supervisor");

        page.navigate("/exchange/currencies?q=kzt");
        assertThat(page.locator("#currencies tbody tr")).hasCount(1);
        page.locator("#currencies a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("KZT"))
                .click();
        assertThat(page.locator("h1")).containsText("KZT");
        page.locator("#c-enabled").check();
        page.locator("#c-minAmount").fill("100.005");
        page.locator("#currency-save").click();
        assertThat(page.locator("#currency-error")).containsText("Minimum amount of one order");
        assertThat(page.locator("#currency-error")).containsText("at most 2 decimals");
        assertThat(page.locator("#c-minAmount")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#c-minAmount")).hasValue("100.005");

        page.locator("#c-minAmount").fill("100");
        page.locator("#c-maxAmount").fill("1000000");
        page.locator("#c-paymentWindow").fill("PT20M");
        page.locator("#currency-save").click();
        assertThat(page.locator("#currency-saved")).isVisible();
        assertThat(page.locator("#currency-facts")).containsText("Enabled");
        assertThat(page.locator("#currency-facts")).containsText("PT20M");
        assertThat(page.locator("#currency-changes tbody tr")).hasCount(1);
        assertNoSeriousA11yViolations(page);

        page.navigate("/exchange/rates");
        page.locator("#a-base").selectOption("KZT");
        page.locator("#a-quote").selectOption("UZS");
        page.locator("#a-buy").fill("0.1950");
        page.locator("#a-sell").fill("0.2050");
        page.locator("#add-pair-save").click();
        waitForPath(page, "/exchange/rates/KZT/UZS");
        assertThat(page.locator("#current-buy")).containsText("0.1950");

        page.locator("#p-buy").fill("0.2100");
        page.locator("#p-sell").fill("0.2000");
        page.locator("#pair-save").click();
        assertThat(page.locator("#pair-error")).containsText("Sell: must be greater than the buy rate (0.2100)");
        assertThat(page.locator("#p-sell")).hasAttribute("aria-invalid", "true");

        page.locator("#p-buy").fill("0.1960");
        page.locator("#p-sell").fill("0.2060");
        page.locator("#p-mode").selectOption("semi_automatic");
        page.locator("#pair-save").click();
        assertThat(page.locator("#current-buy")).containsText("0.1960");
        assertThat(page.locator("#current-mode")).hasText("semi-automatic");
        var rows = page.locator("#history tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0).locator("td.buy")).hasText("0.1960");
        assertThat(rows.nth(0).locator("td.sell")).hasText("0.2060");
        assertThat(rows.nth(1).locator("td.buy")).hasText("0.1950");
        assertThat(page.locator("#chart-rates")).isVisible();
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        screenshot(page, "pair");

        var download = page.waitForDownload(() -> page.locator("#export-csv").click());
        assertThat(download.suggestedFilename()).isEqualTo("rates-KZT-UZS.csv");
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("base,quote,buy,sell,source,changed_at,changed_by,actor_kind");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("KZT,UZS,0.1960,0.2060,manual,");
        assertThat(lines.get(2)).startsWith("KZT,UZS,0.1950,0.2050,manual,");
        assertThat(jdbc.sql("select row_count from exchange.rate_history_export where base = 'KZT' and quote = 'UZS'")
                        .query(Long.class)
                        .list())
                .containsExactly(2L);

        page.navigate("/exchange/rates");
        var listed = page.locator("#rates tr[data-pair='KZT/UZS']");
        assertThat(listed.locator("td.buy")).hasText("0.1960");
        assertThat(listed.locator("td.mode")).hasText("semi-automatic");
        assertThat(listed.locator("td.quotability")).hasText("Quotable");
    }

    @Test
    void anAuditorSeesThePagesWithoutFormsAndTheServerRefusesAChange() {
        DeskApi.enable(api(), "MKD");
        DeskApi.enable(api(), "RSD");
        assertThat(DeskApi.setRate(api(), "MKD", "RSD", "0.0120", "0.0130").status())
                .isEqualTo(200);
        signInWithMfa(page, "auditor");

        page.navigate("/exchange/currencies/MKD");
        assertThat(page.locator("#currency-facts")).containsText("Enabled");
        assertThat(page.locator("#currency-form")).hasCount(0);
        page.navigate("/exchange/rates");
        assertThat(page.locator("#rates tr[data-pair='MKD/RSD']")).hasCount(1);
        assertThat(page.locator("#add-pair-form")).hasCount(0);
        page.navigate("/exchange/rates/MKD/RSD");
        assertThat(page.locator("#history tbody tr")).hasCount(1);
        assertThat(page.locator("#pair-form")).hasCount(0);
        assertThat(page.locator("#export-csv")).isVisible();
        assertNoSeriousA11yViolations(page);

        Object status = page.evaluate(
                """
                () => fetch('/exchange/rates/MKD/RSD', {
                  method: 'POST',
                  headers: {
                    'Content-Type': 'application/x-www-form-urlencoded',
                    [document.querySelector('meta[name=csrf-header]').content]:
                        document.querySelector('meta[name=csrf-token]').content
                  },
                  body: 'buy=0.5&sell=0.6&mode=manual'
                }).then(r => r.status)""");
        assertThat(status).isEqualTo(403);
        assertThat(DeskApi.setRate(api(), "MKD", "RSD", "0.0121", "0.0131").status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from exchange.rate_change where base = 'MKD' and buy = 0.5")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
