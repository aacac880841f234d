package org.opsdesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.browser.BrowserTest;

/**
 * Ordering in Chromium: a client verified through the portal's own registration (and approved by compliance
 * through the API) signs in, quotes euros, accepts, sees the transfer details with a running countdown and the EPC
 * QR code, and finds the order in "My orders"; a second client gets 404 on the first one's order. axe-core finds no
 * serious or critical violation on these pages.
 */
class PortalOrdersBrowserIntegrationTests extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static void checked(Page page) {
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
    }

    private Page signedIn(VerifiedClients.Client client) {
        var page = newContext("en-GB").newPage();
        page.navigate("/portal/sign-in");
        page.locator("#email").fill(client.email());
        page.locator("#password").fill(Registrations.PASSWORD);
        page.locator("main form button[type=submit]").click();
        waitForPath(page, "/portal/home");
        return page;
    }

    @Test
    void aVerifiedClientQuotesEurosAcceptsAndPaysByTheDetailsShownWhileAnotherClientGets404() throws Exception {
        EuroZlotyDesk.open(api());
        var first = VerifiedClients.approved(port, smtp, gateway, jdbc, api());
        var second = VerifiedClients.approved(port, smtp, gateway, jdbc, api());

        var page = signedIn(first);
        page.locator("#exchange-link").click();
        waitForPath(page, "/portal/exchange");
        checked(page);
        page.locator("#pair").selectOption("EUR/PLN");
        page.locator("#side-sell").check();
        page.locator("#amount").fill("100.00");
        page.locator("#currency").selectOption("EUR");
        page.locator("#quote-submit").click();
        assertThat(page.locator("#quote-receive")).hasText("420.00 PLN");
        assertThat(page.locator("#quote-countdown")).hasText(Pattern.compile("0:[0-5]\\d|1:00"));
        checked(page);

        page.locator("#accept").click();
        page.waitForURL(Pattern.compile(".*/portal/orders/[0-9a-f-]{36}\\?notice=placed"));
        String orderUrl = page.url().substring(0, page.url().indexOf('?'));
        assertThat(page.locator("#transfer-amount")).hasText("100.00 EUR");
        assertThat(page.locator("#transfer-reference")).hasText(Pattern.compile("RF\\d\\d .*"));
        assertThat(page.locator("#qr-code")).isVisible();
        String shown = page.locator("#countdown").textContent();
        assertThat(page.locator("#countdown")).hasText(Pattern.compile("\\d+:\\d\\d"));
        page.waitForTimeout(1_500);
        assertThat(page.locator("#countdown").textContent())
                .as("the countdown runs")
                .isNotEqualTo(shown);
        checked(page);
        String reference = page.locator("#transfer-reference").textContent();

        page.locator("#my-orders-link").click();
        waitForPath(page, "/portal/orders");
        assertThat(page.locator("#orders")).containsText(reference.replace(" ", ""));
        assertThat(page.locator("#orders")).containsText("Awaiting your payment");
        checked(page);

        var stranger = signedIn(second);
        var response = stranger.navigate(orderUrl.substring(orderUrl.indexOf("/portal/")));
        assertThat(response.status()).isEqualTo(404);
    }
}
