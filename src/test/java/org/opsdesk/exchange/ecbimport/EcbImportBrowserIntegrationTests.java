package org.opsdesk.exchange.ecbimport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.browser.BrowserTest;

/**
 * In Chromium: a supervisor sets a pair's spread on the ECB import page (after a refused one shown beside its
 * field), uploads an ECB file, sees what it set and skipped and the import in the log, then finds the rate on the
 * rates page with source {@code ecb}; a refused file is said beside the upload field.
 */
class EcbImportBrowserIntegrationTests extends BrowserTest {

    private static final Path FIXTURE =
            Path.of("src/test/resources/fixtures/rates/ecb-eurofxref-hist-90d-2025-01-to-04.xml");

    @Test
    void aSupervisorSetsASpreadAndImportsAFile() {
        for (String code : new String[] {"EUR", "NOK"}) {
            var response = api().put(
                            "/api/v1/exchange/currencies/" + code,
                            "{\"enabled\":true,\"minAmount\":null,\"maxAmount\":null,\"paymentWindow\":null}");
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
        }
        signInWithMfa(page, "supervisor");

        page.navigate("/exchange/ecb-import");
        page.locator("#s-base").selectOption("EUR");
        page.locator("#s-quote").selectOption("NOK");
        page.locator("#s-bps").fill("9999");
        page.locator("#spread-save").click();
        assertThat(page.locator("#spread-error")).containsText("must be 0 to 5,000 basis points");
        assertThat(page.locator("#s-bps")).hasAttribute("aria-invalid", "true");
        page.locator("#s-bps").fill("120");
        page.locator("#spread-save").click();
        assertThat(page.locator("#spreads tr[data-pair='EUR/NOK']")).containsText("120");

        page.locator("#u-file").setInputFiles(FIXTURE);
        page.locator("#upload-save").click();
        assertThat(page.locator("#upload-result")).containsText("2025-04-");
        assertThat(page.locator("#imports tbody tr").first()).containsText("Succeeded");
        assertThat(page.locator("#imports tbody tr").first()).containsText("EUR/NOK");
        assertNoSeriousA11yViolations(page);

        page.locator("#u-file")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "broken.xml", "application/xml", "<rates/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("#upload-save").click();
        assertThat(page.locator("#upload-error")).isVisible();
        assertThat(page.locator("#imports tbody tr").first()).containsText("Failed");

        page.navigate("/exchange/rates");
        assertThat(page.locator("#rates tr[data-pair='EUR/NOK']")).containsText("ecb");
    }
}
