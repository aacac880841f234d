package org.opsdesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opsdesk.notifications.Mailbox;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.browser.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * Ordering in Polish in Chromium, for clients who registered in Polish (their portal, stage names and emails in
 * Polish): a client quotes and accepts; a cashier changes the order's rate in the console's exchange panel with a
 * reason, and the client's order page and "My orders" then show the new rate and what they pay now, and an email
 * tells them of it; with a
 * one-minute payment window for euros an order expires by its timer, the client sees it expired and gets the expiry
 * email in Polish; another client gets 404 on the first one's order. axe-core finds no serious or critical
 * violation on any portal page on the way.
 */
class PortalOrdersInPolishBrowserIntegrationTests extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    private JsonNode euroBefore;

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** The tests share one database: euros get back the settings they had (the payment window above all). */
    @AfterEach
    void restoreTheEuro() {
        if (euroBefore != null) {
            String body = "{\"enabled\":" + euroBefore.get("enabled").asBoolean() + ",\"minAmount\":"
                    + euroBefore.get("minAmount") + ",\"maxAmount\":" + euroBefore.get("maxAmount")
                    + ",\"paymentWindow\":\"" + euroBefore.get("paymentWindow").asString() + "\"}";
            assertThat(api().put("/api/v1/exchange/currencies/EUR", body).status())
                    .isEqualTo(200);
        }
    }

    private static void checked(Page page) {
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
    }

    private Page signedIn(VerifiedClients.Client client) {
        var page = newContext("pl-PL").newPage();
        page.clock().install();
        page.navigate("/portal/sign-in");
        assertThat(page.locator("h1")).hasText("Logowanie");
        checked(page);
        page.locator("#email").fill(client.email());
        page.locator("#password").fill(Registrations.PASSWORD);
        page.locator("main form button[type=submit]").click();
        waitForPath(page, "/portal/home");
        checked(page);
        return page;
    }

    /** Sells euros on the Exchange page, typing the amount in {@code currency}; ends on the new order's page. */
    private static String order(Page page, String amount, String currency) {
        page.navigate("/portal/exchange");
        assertThat(page.locator("h1")).hasText("Wymiana");
        page.locator("#pair").selectOption("EUR/PLN");
        page.locator("#side-sell").check();
        page.locator("#amount").fill(amount);
        page.locator("#currency").selectOption(currency);
        page.locator("#quote-submit").click();
        assertThat(page.locator("#quote-heading")).hasText("Twoja cena");
        checked(page);
        page.locator("#accept").click();
        page.waitForURL(Pattern.compile(".*/portal/orders/[0-9a-f-]{36}\\?notice=placed"));
        assertThat(page.locator("#notice")).hasText("Zamówienie złożone. Zapłać przelewem przed terminem.");
        checked(page);
        return page.url()
                .substring(page.url().indexOf("/portal/orders/"), page.url().indexOf('?'));
    }

    private static String idOf(String orderPath) {
        return orderPath.substring("/portal/orders/".length());
    }

    private String rowOf(Page page, String orderPath) {
        return page.locator("#orders tr:has(a[href='" + orderPath + "'])").textContent();
    }

    @Test
    void aCashierChangesTheRateTheClientSeesItAnUnpaidOrderExpiresWithAnEmailInPolishAndAnotherClientGets404()
            throws Exception {
        euroBefore = currency("EUR");
        EuroZlotyDesk.open(api());
        var first = VerifiedClients.approved(port, smtp, gateway, jdbc, api(), "pl");
        var second = VerifiedClients.approved(port, smtp, gateway, jdbc, api(), "pl");
        var client = signedIn(first);

        // the client wants 420.00 PLN for their euros: what they pay follows the rate (4.2000: 100.00 EUR)
        String changed = order(client, "420.00", "PLN");
        assertThat(client.locator("#order-stage strong")).hasText("Oczekuje na Twoją wpłatę");
        assertThat(client.locator("#order-rate")).hasText("1 EUR = 4.2000 PLN");
        assertThat(client.locator("#transfer-amount")).hasText("100.00 EUR");
        assertThat(client.locator("#qr-code")).hasAttribute("alt", "Kod QR tego przelewu dla aplikacji bankowej");
        assertThat(client.locator("#countdown")).hasText(Pattern.compile("(29|30):\\d\\d"));

        var cashier = operatorWithMfa("cashier");
        var console = newContext("en-US").newPage();
        signIn(console, cashier);
        console.navigate("/operations/" + idOf(changed));
        assertThat(console.locator("#exchange-pay")).hasText("100.00 EUR");
        console.locator("#exchange-new-rate").fill("4.2100");
        console.locator("#exchange-rate-reason").fill("Kurs uzgodniony z klientem telefonicznie");
        console.locator("#exchange-rate-submit").click();
        assertThat(console.locator("#exchange-rate")).hasText("4.2100");
        // 420.00 / 4.2100 = 99.7624 EUR, rounded up in the office's favour
        assertThat(console.locator("#exchange-pay")).hasText("99.77 EUR");

        client.reload();
        assertThat(client.locator("#order-rate")).hasText("1 EUR = 4.2100 PLN");
        assertThat(client.locator("#order-receive")).hasText("420.00 PLN");
        assertThat(client.locator("#transfer-amount")).hasText("99.77 EUR");
        checked(client);
        client.locator("#my-orders-link").click();
        waitForPath(client, "/portal/orders");
        assertThat(rowOf(client, changed)).contains("99.77 EUR", "Oczekuje na Twoją wpłatę");
        checked(client);
        // and the client is told, in Polish, with the old and new rate, what they pay now and the cashier's reason
        var rateNotice =
                Mailbox.await(smtp, first.email(), mail -> Mailbox.subject(mail).startsWith("Zmienił się kurs"));
        assertThat(String.join("\n", Mailbox.alternatives(rateNotice)))
                .contains(
                        "zmienił się z 4.2000 na 4.2100",
                        "99.77 EUR",
                        "100.00 EUR",
                        "Powód: Kurs uzgodniony z klientem telefonicznie")
                .doesNotContain("cashier");

        // a one-minute window for euros: the next order's deadline passes, and its timer expires it
        assertThat(api().put("/api/v1/exchange/currencies/EUR", "{\"enabled\":true,\"paymentWindow\":\"PT1M\"}")
                        .status())
                .isEqualTo(200);
        String expiring = order(client, "50.00", "EUR");
        assertThat(client.locator("#countdown")).hasText(Pattern.compile("0:[0-5]\\d|1:00"));
        String reference = client.locator("#transfer-reference").textContent();
        clock().advance(Duration.ofSeconds(61));
        client.clock().fastForward(61_000);
        assertThat(client.locator("#countdown")).hasText("0:00");
        assertThat(client.locator("#deadline-passed")).hasText("Czas na wpłatę minął.");
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> api().get("/api/v1/operations/" + idOf(expiring))
                .json()
                .get("stage")
                .asString()
                .equals("expired"));

        client.reload();
        assertThat(client.locator("#order-stage strong")).hasText("Wygasłe");
        assertThat(client.locator("#transfer")).hasCount(0);
        assertThat(client.locator("#history")).containsText("Wygasłe");
        checked(client);
        client.locator("#my-orders-link").click();
        waitForPath(client, "/portal/orders");
        assertThat(rowOf(client, expiring)).contains("Wygasłe", "50.00 EUR");
        assertThat(rowOf(client, changed)).contains("Oczekuje na Twoją wpłatę");
        checked(client);

        var expiry =
                Mailbox.await(smtp, first.email(), mail -> Mailbox.subject(mail).endsWith("wygasło"));
        assertThat(Mailbox.subject(expiry))
                .isEqualTo("Twoje zlecenie wymiany " + reference.replace(" ", "") + " wygasło");
        assertThat(String.join("\n", Mailbox.alternatives(expiry)))
                .contains("Nie otrzymaliśmy wpłaty do zlecenia", "więc zlecenie wygasło");

        var stranger = signedIn(second);
        assertThat(stranger.navigate(changed).status()).isEqualTo(404);
        assertThat(stranger.navigate(expiring).status()).isEqualTo(404);
    }

    private JsonNode currency(String code) {
        for (JsonNode currency : api().get("/api/v1/exchange/currencies").json().get("items")) {
            if (currency.get("code").asString().equals(code)) {
                return currency;
            }
        }
        throw new AssertionError("no currency " + code);
    }
}
