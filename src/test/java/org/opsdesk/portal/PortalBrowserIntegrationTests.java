package org.opsdesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The portal in Chromium: a person registers in Polish, confirms the emailed link (GreenMail), types the code the
 * SMS gateway received (a real local HTTP receiver), a compliance operator approves the identity check on the
 * operation page of the console, and the portal then shows the client as verified; a company with a wrong NIP sees
 * the error beside the field. axe-core finds no serious or critical violation on any portal page on the way.
 */
class PortalBrowserIntegrationTests extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    @BeforeEach
    void reset() {
        gateway.received.clear();
        gateway.status = 202;
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static void checked(Page page) {
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
    }

    @Test
    void aPersonRegistersInPolishVerifiesEmailAndPhoneAndIsVerifiedOnceComplianceApproves() throws Exception {
        var client = newContext("pl-PL").newPage();
        var form = Registrations.person();
        client.navigate("/portal/register");
        assertThat(client.locator("h1")).hasText("Załóż konto osoby prywatnej");
        checked(client);

        client.locator("#firstName").fill("Zofia");
        client.locator("#lastName").fill("Kowalska-Żółć");
        client.locator("#birthDate").fill("1944-05-14");
        client.locator("#nationalId").fill("44051401359");
        fillAddressContactPasswordAndPayout(client, form.email());
        client.locator("#consentEmail").check();
        client.locator("#consentSms").check();
        client.locator("form.register button[type=submit]").click();

        waitForPath(client, "/portal/home");
        assertThat(client.locator("h1")).hasText("Witaj, Zofia Kowalska-Żółć");
        assertThat(client.locator("#kyc-state")).hasText("Nierozpoczęta");
        checked(client);

        var mail = Mailbox.await(smtp, form.email(), m -> true);
        assertThat(Mailbox.subject(mail)).isEqualTo("Opsdesk: potwierdź adres e-mail");
        client.navigate(PortalMessages.emailedLink(smtp, form.email()));
        checked(client);
        client.locator("#confirm-email").click();

        waitForPath(client, "/portal/verify-phone");
        assertThat(client.locator("[role=status]")).hasText("Adres e-mail potwierdzony. Teraz telefon.");
        checked(client);
        client.locator("#send-code").click();
        assertThat(client.locator("[role=status]")).hasText("Wysłaliśmy kod SMS-em.");
        assertThat(gateway.received.get(gateway.received.size() - 1).body())
                .contains("Opsdesk: Twój kod weryfikacyjny to ");
        client.locator("#code").fill(PortalMessages.textedCode(gateway, "+48600100200"));
        checked(client);
        client.locator("#check-code").click();

        waitForPath(client, "/portal/home");
        assertThat(client.locator("#kyc-state")).hasText("W toku");
        String operation = jdbc.sql("select kyc_operation_id::text from portal.client where email = ?")
                .param(form.email())
                .query(String.class)
                .single();

        var compliance = operatorWithMfa("compliance");
        var console = newContext("en-US").newPage();
        console.onDialog(Dialog::accept);
        signIn(console, compliance);
        console.navigate("/operations/" + operation);
        console.locator("#move-button-verified").click();
        assertThat(console.locator(".detail-header .stage")).hasText("verified");

        client.reload();
        assertThat(client.locator("#kyc-state")).hasText("Zweryfikowana");
        checked(client);
        client.locator("#security-link").click();
        assertThat(client.locator("h1")).hasText("Logowanie dwuetapowe");
        checked(client);
    }

    @Test
    void aCompanyWithAWrongNipSeesTheErrorBesideTheField() {
        page.navigate("/portal/sign-in");
        checked(page);
        page.navigate("/portal/register?kind=company");
        assertThat(page.locator("h1")).hasText("Open an account for a company");
        checked(page);
        var form = Registrations.company();

        page.locator("#companyName").fill("Kantor Przykładowy sp. z o.o.");
        page.locator("#registrationNumber").fill("610188201");
        page.locator("#taxNumber").fill("774-000-14-55");
        page.locator("#representative").fill("Jan Nowak");
        fillAddressContactPasswordAndPayout(page, form.email());
        page.locator("form.register button[type=submit]").click();

        var error = page.locator("#err-taxNumber");
        assertThat(error).hasText("This is not a valid NIP: check the digits.");
        assertThat(page.locator("#taxNumber")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#taxNumber")).hasAttribute("aria-describedby", "hint-taxNumber err-taxNumber");
        assertThat(page.locator("#taxNumber")).hasValue("774-000-14-55");
        assertThat(page.locator("#companyName")).hasValue("Kantor Przykładowy sp. z o.o.");
        assertThat(page.locator(".field-error")).hasCount(1);
        checked(page);
        assertThat(jdbc.sql("select count(*) from portal.client where email = ?")
                        .param(form.email())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The fields a person and a company fill alike: a Warsaw address, contacts, password, a PLN payout account. */
    private static void fillAddressContactPasswordAndPayout(Page page, String email) {
        page.locator("#country").selectOption("PL");
        page.locator("#street").fill("ul. Marszałkowska 1");
        page.locator("#postalCode").fill("00-001");
        page.locator("#city").fill("Warszawa");
        page.locator("#email").fill(email);
        page.locator("#phone").fill("+48 600 100 200");
        page.locator("#password").fill(Registrations.PASSWORD);
        page.locator("#passwordRepeat").fill(Registrations.PASSWORD);
        page.locator("#payoutCurrency0").selectOption("PLN");
        page.locator("#payoutIban0").fill("PL61 1090 1014 0000 0712 1981 2874");
    }
}
