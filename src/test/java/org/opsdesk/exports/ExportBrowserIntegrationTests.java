package org.opsdesk.exports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.Operations;
import org.opsdesk.support.browser.BrowserTest;

/** An operator exports a filter from the exports page in Chromium, opens the file, and finds it in the list. */
class ExportBrowserIntegrationTests extends BrowserTest {

    @Test
    void exportsAFilterFromTheExportsPageAndFindsItInTheList() throws IOException {
        String subject = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        var formula = Operations.withdrawal()
                .subject(subject)
                .reference("=HYPERLINK(http://evil.example/" + UUID.randomUUID() + ")");
        var plain = Operations.withdrawal().subject(subject).amount("99.95", "EUR");
        create(formula);
        create(plain);
        create(Operations.withdrawal());

        var operator = signInWithMfa(page, "compliance");
        page.navigate("/exports");
        assertThat(page.locator("h1")).hasText("Exports");
        page.locator("#f-subject").fill(subject);
        page.locator("#f-separator").selectOption(";");
        page.locator("#f-bom").check();
        assertNoSeriousA11yViolations(page);
        screenshot(page, "form");
        var download = page.waitForDownload(
                () -> page.locator("#export-form button[type=submit]").click());

        assertThat(download.suggestedFilename()).matches("operations-\\d{8}T\\d{6}Z\\.csv");
        var csv = ExportedCsv.parse(Files.readString(download.path(), StandardCharsets.UTF_8), ';');
        assertThat(csv.bom()).isTrue();
        assertThat(csv.column("reference")).containsExactlyInAnyOrder("'" + formula.reference(), plain.reference());
        assertThat(csv.byReference(plain.reference()).orElseThrow()).containsEntry("amount", "99.95");

        page.navigate("/exports");
        var row = page.locator("#exports tbody tr").first();
        assertThat(row.locator("td.filter")).hasText("subject=" + subject);
        assertThat(row.locator("td.rows")).hasText("2");
        assertThat(row.locator("td.outcome .badge")).hasText("Completed");
        assertThat(row).containsText(operator.username());
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        assertThat(Files.size(screenshot(page, "list"))).isPositive();
    }

    @Test
    void theOperationsListLoadsTheExportControlForItsFilterOnlyForThoseWhoMayExport() throws IOException {
        String subject = "list-" + UUID.randomUUID().toString().substring(0, 8);
        var mine = Operations.withdrawal().subject(subject);
        create(mine);
        create(Operations.withdrawal());

        signInWithMfa(page, "compliance");
        page.navigate("/operations?subject=" + subject);
        var export = page.locator("#export-csv");
        assertThat(export).hasText("Export CSV");
        assertThat(export.getAttribute("href")).isEqualTo("/exports/operations.csv?subject=" + subject);
        var download = page.waitForDownload(export::click);
        var csv = ExportedCsv.parse(Files.readString(download.path(), StandardCharsets.UTF_8), ',');
        assertThat(csv.column("reference")).containsExactly(mine.reference());

        var deskPage = newContext("en-US").newPage();
        signInWithMfa(deskPage, "operator");
        deskPage.navigate("/operations?subject=" + subject);
        assertThat(deskPage.locator("[data-row]")).hasCount(1);
        // an operator without exports:run gets no control, and no placeholder is left behind
        assertThat(deskPage.locator("#panel-export-csv")).hasCount(0);
        assertThat(deskPage.locator("#export-csv")).hasCount(0);
    }

    @Test
    void showsWhyAFilterCannotBeExportedBesideTheFormInTheOperatorsLanguage() {
        signInWithMfa(page, "auditor");
        page.navigate("/exports?lang=pl");
        page.locator("#f-amountMin").fill("lots");
        page.locator("#export-form button[type=submit]").click();

        var error = page.locator("#export-error");
        assertThat(error).hasAttribute("role", "alert");
        assertThat(error).containsText("Eksport nie został rozpoczęty");
        assertThat(error).containsText("Kwota minimalna");
        assertThat(page.locator("#f-amountMin")).hasValue("lots");
        assertThat(page.locator("#f-amountMin")).hasAttribute("aria-invalid", "true");
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        screenshot(page, "invalid-filter-pl");
    }
}
