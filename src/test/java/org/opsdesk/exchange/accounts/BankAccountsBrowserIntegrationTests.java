package org.opsdesk.exchange.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.browser.BrowserTest;

/** The bank accounts page in Chromium: a supervisor adds an account past a typo; an auditor only reads. */
class BankAccountsBrowserIntegrationTests extends BrowserTest {

    @Test
    void aSupervisorSeesAMistypedIbanRefusedBesideTheFieldCorrectsItAndFindsTheAccountListed() {
        String iban = TestIbans.polish(TestIbans.MBANK);
        signInWithMfa(page, "supervisor");
        page.navigate("/exchange/bank-accounts");
        assertThat(page.locator("h1")).hasText("Bank accounts");
        assertThat(page.locator("nav.sidebar a[aria-current=page]")).hasText("Bank accounts");

        page.locator("#ba-bankName").fill("mBank S.A.");
        page.locator("#ba-number").fill(TestIbans.printed(TestIbans.mistyped(iban)));
        page.locator("#ba-bic").fill("BREXPLPWXXX");
        page.locator("#ba-currency").fill("CHF");
        page.locator("#ba-purpose").selectOption("incoming");
        page.locator("#add-account-form button[type=submit]").click();

        var error = page.locator("#ba-number-error");
        assertThat(error).hasText("Not a valid IBAN: the check digits do not match — check for a typo.");
        assertThat(error).hasAttribute("role", "alert");
        assertThat(page.locator("#ba-number")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#ba-number")).hasValue(TestIbans.printed(TestIbans.mistyped(iban)));
        assertThat(page.locator("#ba-bankName")).hasValue("mBank S.A.");
        assertThat(page.locator("#ba-purpose")).hasValue("incoming");
        assertThat(page.locator("#ba-bankName-error")).hasCount(0);
        assertNoSeriousA11yViolations(page);
        screenshot(page, "mistyped-iban");

        page.locator("#ba-number").fill(TestIbans.printed(iban));
        page.locator("#add-account-form button[type=submit]").click();

        assertThat(page.locator("#account-added")).containsText(TestIbans.printed(iban));
        var row = page.locator(
                "#bank-accounts tbody tr",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText(TestIbans.printed(iban)));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("mBank S.A.");
        assertThat(row).containsText("CHF");
        assertThat(row).containsText("incoming payments");
        assertThat(row).containsText("not imported yet");
        assertThat(page.locator("#ba-number")).hasValue("");
        assertThat(page.locator("#ba-number-error")).hasCount(0);
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        screenshot(page, "added");

        // the account's page: renamed, with the change log naming who did it
        row.locator("a").click();
        page.waitForURL(Pattern.compile(".*/exchange/bank-accounts/[0-9a-f-]{36}$"));
        assertThat(page.locator("#account-number")).hasText(TestIbans.printed(iban));
        page.locator("#ed-bankName").fill("mBank S.A. (firmowy)");
        page.locator("#edit-account-form button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("mBank S.A. (firmowy) · CHF");
        assertThat(page.locator("#account-changes tbody tr")).hasCount(2);
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
    }

    @Test
    void anAuditorReadsTheAccountsWithoutAnyFormAndTheServerRefusesTheirPost() {
        var created = api().post(
                        "/api/v1/exchange/bank-accounts",
                        BankAccountsIntegrationTests.body(
                                "PKO Bank Polski", null, TestIbans.polish(TestIbans.PKO), null, "CHF", "payout"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        signInWithMfa(page, "auditor");
        page.navigate("/exchange/bank-accounts?lang=pl");
        assertThat(page.locator("h1")).hasText("Rachunki bankowe");
        assertThat(page.locator("#bank-accounts")).containsText("PKO Bank Polski");
        assertThat(page.locator("#add-account")).hasCount(0);
        assertThat(page.locator("form[action='/exchange/bank-accounts']")).hasCount(0);
        assertNoMissingMessageKeys(page);

        page.navigate("/exchange/bank-accounts/" + id);
        assertThat(page.locator("#edit-account")).hasCount(0);
        assertThat(page.locator("#account-changes")).containsText("dodano");

        String token = page.locator("meta[name=csrf-token]").getAttribute("content");
        String header = page.locator("meta[name=csrf-header]").getAttribute("content");
        var refused = page.request()
                .post(
                        "/exchange/bank-accounts/" + id + "/disable",
                        RequestOptions.create().setHeader(header, token).setForm(FormData.create()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api().get("/api/v1/exchange/bank-accounts/" + id)
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();
    }
}
