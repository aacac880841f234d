package org.opsdesk.banking.mappings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsdesk.banking.StatementTexts;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The CSV mapping pages in Chromium: from the statement import, a cashier opens the mappings, saves a bank's mapping
 * (a refused form comes back with each refused field named beside its input and what was typed kept), opens it again
 * to change it (filled, saved as a new one), and imports the bank's CSV file with it.
 */
class StatementMappingBrowserIntegrationTests extends BrowserTest {

    @Test
    void aCashierSavesACsvMappingAndImportsTheBanksFileWithIt() {
        var account = StatementTexts.account(api(), "IDR");
        String name = "Mandiri export " + UUID.randomUUID().toString().substring(0, 8);

        signInWithMfa(page, "cashier");
        page.navigate("/exchange/statements");
        page.locator("#manage-mappings").click();
        waitForPath(page, "/exchange/statements/mappings");
        assertThat(page.locator("h1")).hasText("CSV mappings");
        assertThat(page.locator("nav.sidebar a[aria-current=page]")).hasText("Bank statements");
        page.locator("#new-mapping").click();
        waitForPath(page, "/exchange/statements/mappings/new");
        assertNoSeriousA11yViolations(page);

        page.locator("#mf-name").fill(name);
        page.locator("#mf-bankName").fill("Bank Mandiri");
        page.locator("#mf-separator").fill(";;");
        page.locator("#mf-dateFormat").fill("qqqq-bad{");
        page.locator("#mf-amountColumn").fill("-1"); // the form does not stop it (novalidate): the server does
        page.locator("#mf-submit").click();

        assertThat(page.locator("#mf-separator-error")).containsText("Separator: must be exactly one character");
        assertThat(page.locator("#mf-separator")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#mf-dateFormat-error")).containsText("Date format");
        assertThat(page.locator("#mf-amountColumn-error")).containsText("Amount column: is not a column number");
        assertThat(page.locator("#mf-bankName")).hasValue("Bank Mandiri");
        assertThat(page.locator("#mf-bankName-error")).hasCount(0);
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);

        page.locator("#mf-separator").fill(";");
        page.locator("#mf-decimalComma").check();
        page.locator("#mf-dateFormat").fill("dd.MM.yyyy");
        page.locator("#mf-headerRows").fill("1");
        page.locator("#mf-dateColumn").fill("0");
        page.locator("#mf-counterpartyNameColumn").fill("1");
        page.locator("#mf-remittanceColumns").fill("2");
        page.locator("#mf-amountColumn").fill("3");
        page.locator("#mf-balanceColumn").fill("4");
        page.locator("#mf-currency").fill("IDR");
        page.locator("#mf-submit").click();

        waitForPath(page, "/exchange/statements/mappings");
        assertThat(page.locator("#mapping-saved")).containsText(name);
        var row =
                page.locator("#mappings tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(name));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Bank Mandiri");

        row.getByText("Change (saved as a new mapping)").click();
        waitForPath(page, "/exchange/statements/mappings/new");
        assertThat(page.locator("#mapping-base")).containsText(name);
        assertThat(page.locator("#mf-separator")).hasValue(";");
        assertThat(page.locator("#mf-decimalComma")).isChecked();
        assertThat(page.locator("#mf-balanceColumn")).hasValue("4");
        assertThat(page.locator("#mf-name")).hasValue("");
        page.locator("#mf-name").fill(name + " (v2)");
        page.locator("#mf-submit").click();
        waitForPath(page, "/exchange/statements/mappings");
        assertThat(page.locator("#mappings tbody tr")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Mandiri export")))
                .not()
                .hasCount(0);

        page.navigate("/exchange/statements");
        String csv = "Tanggal;Nama;Keterangan;Jumlah;Saldo\r\n"
                + "02.11.2026;Budi Santoso;EX-IDR-1;250,00;1.250,00\r\n"
                + "03.11.2026;Biaya;admin;-10,50;1.239,50\r\n";
        page.locator("#su-file")
                .setInputFiles(new FilePayload("mandiri.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("#su-bankAccount").selectOption(account.id());
        page.locator("#su-mapping").selectOption(new SelectOption().setLabel("Bank Mandiri · " + name));
        page.locator("#su-submit").click();

        page.waitForURL(Pattern.compile(".*/exchange/statements/uploads/[0-9a-f-]{36}$"));
        assertThat(page.locator("#upload-progress")).hasAttribute("data-state", "DONE");
        assertThat(page.locator("#count-new")).hasText("2");
        assertThat(page.locator("#import-statements tbody tr")).hasCount(1);
        assertThat(page.locator("#import-statements tbody tr")).containsText(account.iban());
        assertNoMissingMessageKeys(page);
    }

    @Test
    void aReaderSeesTheMappingsButNoWayToWriteThem() {
        signInWithMfa(page, "auditor");
        page.navigate("/exchange/statements/mappings");
        assertThat(page.locator("h1")).hasText("CSV mappings");
        assertThat(page.locator("#new-mapping")).hasCount(0);

        var form = page.request().get(baseUrl() + "/exchange/statements/mappings/new");
        org.assertj.core.api.Assertions.assertThat(form.status()).isEqualTo(403);
    }
}
