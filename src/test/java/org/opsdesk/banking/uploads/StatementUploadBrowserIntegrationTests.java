package org.opsdesk.banking.uploads;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.StatementTexts;
import org.opsdesk.banking.StatementTexts.Movement;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The statement import page in Chromium: a cashier uploads a statement through the form, lands on the upload's
 * page, which polls (without reloading) until the background import ended and then lists the statement; a file
 * that does not reconcile ends refused with its reason.
 */
class StatementUploadBrowserIntegrationTests extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aCashierUploadsAStatementAndSeesTheImportFinishAndListIt() throws java.sql.SQLException {
        var account = StatementTexts.account(api(), "KRW");
        String statementId = "BRW-" + UUID.randomUUID().toString().substring(0, 8);
        String file = StatementTexts.mt940(
                account,
                statementId,
                LocalDate.of(2026, 11, 9),
                "500000",
                List.of(Movement.in("125000", "EXCHANGE ORDER"), Movement.out("3000", "FEE")));

        signInWithMfa(page, "cashier");
        page.navigate("/exchange/statements");
        assertThat(page.locator("h1")).hasText("Bank statements");
        assertThat(page.locator("nav.sidebar a[aria-current=page]")).hasText("Bank statements");
        assertNoSeriousA11yViolations(page);
        page.locator("#su-file").setInputFiles(payload("krw.sta", file));

        var progress = page.locator("#upload-progress");
        try (var holder = dataSource.getConnection()) {
            // another import of this account holds it: this one waits, and the page shows it running
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended('banking.statement:' || ?, 0))")) {
                lock.setString(1, account.id());
                lock.execute();
            }
            page.locator("#su-submit").click();
            page.waitForURL(Pattern.compile(".*/exchange/statements/uploads/[0-9a-f-]{36}$"));
            page.evaluate("() => { window.notReloaded = true; }");
            assertThat(progress).hasAttribute("data-state", "RUNNING");
            assertThat(progress).hasAttribute("hx-trigger", "every 1s");
            assertThat(progress.locator(".badge").first()).hasText("Importing");
            assertThat(page.locator("#progress-statements")).hasText("0");
            assertNoSeriousA11yViolations(page);
            holder.rollback();
        }
        assertThat(progress).hasAttribute("data-state", "DONE");
        assertThat(progress.locator(".badge").first()).hasText("Imported");
        var row = page.locator("#import-statements tbody tr[data-statement^='" + statementId + "']");
        assertThat(row).hasCount(1);
        assertThat(row).containsText(account.iban());
        assertThat(row).containsText("2026-11-09");
        assertThat(row.locator("td").nth(3)).containsText("500,000");
        assertThat(row.locator("td").nth(4)).containsText("622,000");
        assertThat(row.locator("td").nth(6)).hasText("2");
        assertThat(page.locator("#count-new")).hasText("2");
        assertThat(page.locator("#import-matches")).isVisible();
        // its one credit names no order: the matching module's list, loaded into the page, shows it queued
        assertThat(page.locator("#import-match-rows tr[data-entry]")).hasCount(1);
        assertThat(page.locator("#import-match-rows tr[data-entry]")).containsText("EXCHANGE ORDER");
        assertThat(page.evaluate("() => window.notReloaded === true"))
                .as("the progress was polled in place, not by reloading the page")
                .isEqualTo(true);
        assertThat(page.locator("#upload-progress[hx-trigger]")).hasCount(0);
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        screenshot(page, "imported");

        page.navigate("/exchange/statements");
        assertThat(page.locator("#uploads tbody tr").first()).containsText("krw.sta");
        assertThat(page.locator("#imports tbody tr").first()).containsText("MT940");
        page.locator("#imports tbody tr").first().locator("a").click();
        assertThat(page.locator("#import-result")).hasAttribute("data-state", "DONE");
        assertThat(page.locator("#import-statements tbody tr[data-statement^='" + statementId + "']"))
                .hasCount(1);
        assertThat(page.locator("#count-stored")).hasText("2");
        assertThat(page.request().get(page.url() + "/result").text())
                .contains("id=\"import-result\"")
                .as("a finished import is not polled (its entries' list loads once)")
                .doesNotContain("hx-trigger=\"every");
        assertNoMissingMessageKeys(page);
    }

    @Test
    void aFileThatDoesNotReconcileIsShownRefusedWithItsReasonInTheOperatorsLanguage() {
        var account = StatementTexts.account(api(), "ILS");
        String file = StatementTexts.mt940(
                account, "BRW-BAD-1", LocalDate.of(2026, 11, 10), "10.00", List.of(Movement.in("1.00", "X")), "12.00");

        signInWithMfa(page, "cashier");
        page.navigate("/exchange/statements?lang=pl");
        page.locator("#su-file").setInputFiles(payload("bad.sta", file));
        page.locator("#su-submit").click();

        page.waitForURL(Pattern.compile(".*/exchange/statements/uploads/[0-9a-f-]{36}$"));
        assertThat(page.locator("#upload-progress")).hasAttribute("data-state", "REFUSED");
        var refusal = page.locator("#upload-refusal");
        assertThat(refusal).containsText("Wyciąg się nie uzgadnia");
        assertThat(refusal).containsText("difference 1.00 ILS");
        assertThat(refusal).containsText("statements[0].closingBalance");
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
    }

    @Test
    void anUploadWithoutAFileIsRefusedBesideTheFileInput() {
        signInWithMfa(page, "cashier");
        page.navigate("/exchange/statements");
        page.evaluate("() => document.getElementById('su-file').removeAttribute('required')");
        page.locator("#su-submit").click();

        assertThat(page.locator("#su-file-error")).containsText("Statement file");
        assertThat(page.locator("#su-file")).hasAttribute("aria-invalid", "true");
        assertThat(page).hasURL(Pattern.compile(".*/exchange/statements/upload.*"));
    }

    @Test
    void aFileDroppedOntoTheFormBecomesTheFileItSends() {
        signInWithMfa(page, "cashier");
        page.navigate("/exchange/statements");
        page.locator("#statement-upload-form").dispatchEvent("dragenter");
        assertThat(page.locator("#statement-upload-form.dragging")).hasCount(1);

        page.evaluate(
                """
                () => {
                  const data = new DataTransfer();
                  data.items.add(new File([':20:X'], 'dropped.sta', { type: 'application/octet-stream' }));
                  const form = document.getElementById('statement-upload-form');
                  form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
                }""");

        assertThat(page.locator("#statement-upload-form.dragging")).hasCount(0);
        assertThat(page.evaluate("() => document.getElementById('su-file').files[0].name"))
                .isEqualTo("dropped.sta");
    }

    private static FilePayload payload(String name, String text) {
        return new FilePayload(name, "application/octet-stream", text.getBytes(StandardCharsets.UTF_8));
    }
}
