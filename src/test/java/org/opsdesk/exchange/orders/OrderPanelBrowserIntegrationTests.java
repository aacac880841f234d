package org.opsdesk.exchange.orders;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.support.browser.BrowserTest;

/**
 * A cashier on an exchange order's page: the exchange panel shows the order; the payment is confirmed by hand
 * only where the pair is worked manually (the move guard hides and refuses it on an automatic pair); the cashier
 * changes the rate and sees the amounts recomputed. The desk here: BAM/UAH and MUR/UAH (no other test uses them).
 */
class OrderPanelBrowserIntegrationTests extends BrowserTest {

    static boolean deskReady;

    @BeforeEach
    void desk() {
        if (deskReady) {
            return;
        }
        for (String code : new String[] {"UAH", "BAM", "MUR"}) {
            assertThat(api().put("/api/v1/exchange/currencies/" + code, "{\"enabled\":true}")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api().put(
                                "/api/v1/exchange/rates/BAM/UAH",
                                "{\"buy\":\"8.9000\",\"sell\":\"9.1000\",\"mode\":\"automatic\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api().put(
                                "/api/v1/exchange/rates/MUR/UAH",
                                "{\"buy\":\"22.6000\",\"sell\":\"23.1000\",\"mode\":\"manual\"}")
                        .status())
                .isEqualTo(200);
        var account = api().post(
                        "/api/v1/exchange/bank-accounts",
                        "{\"bankName\":\"PKO BP\",\"iban\":\"" + TestIbans.polish(TestIbans.PKO)
                                + "\",\"currency\":\"UAH\",\"purpose\":\"both\"}");
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        deskReady = true;
    }

    @Test
    void aCashierSeesTheOrderConfirmsPaymentOnlyOnAManualPairAndChangesTheRate() {
        String automatic = order("BAM");
        String manual = order("MUR");
        var cashier = signInWithMfa(page, "cashier");

        page.navigate("/operations/" + automatic);
        assertThat(page.locator("#panel-exchange")).containsText("BAM/UAH");
        assertThat(page.locator("#exchange-pay")).hasText("910.00 UAH");
        assertThat(page.locator("#exchange-receive")).hasText("100.00 BAM");
        assertThat(page.locator("#move-funds_received")).hasCount(0);
        assertThat(page.locator("#move-cancelled")).hasCount(1);
        assertNoMissingMessageKeys(page);
        assertNoSeriousA11yViolations(page);

        page.locator("#exchange-new-rate").fill("9.1500");
        page.locator("#exchange-rate-reason").fill("Corrected to the rate agreed by phone");
        page.locator("#exchange-rate-submit").click();
        assertThat(page.locator("#exchange-rate")).hasText("9.1500");
        // the client typed what they receive (100.00 BAM): what they pay follows, 915.00 UAH
        assertThat(page.locator("#exchange-pay")).hasText("915.00 UAH");
        assertThat(page.locator("#panel-exchange")).containsText("9.1000");

        page.navigate("/operations/" + manual);
        assertThat(page.locator("#move-funds_received")).hasCount(1);
        page.locator("#move-button-funds_received").click();
        assertThat(page.locator("#detail-notice")).isVisible();
        assertThat(api().get("/api/v1/operations/" + manual).json().get("stage").asString())
                .isEqualTo("funds_received");
    }

    @Test
    void theServerRefusesAPersonConfirmingPaymentOnAnAutomaticPair() {
        String automatic = order("BAM");
        var cashier = signInWithMfa(page, "cashier");
        page.navigate("/operations/" + automatic);
        long version = api().get("/api/v1/operations/" + automatic)
                .json()
                .get("version")
                .asLong();

        // what a forged form would send: the page offers no such button
        var refused = page.request()
                .post(
                        "/operations/" + automatic + "/transitions",
                        RequestOptions.create()
                                .setHeader(
                                        page.locator("meta[name=csrf-header]").getAttribute("content"),
                                        page.locator("meta[name=csrf-token]").getAttribute("content"))
                                .setForm(FormData.create()
                                        .set("to", "funds_received")
                                        .set("version", String.valueOf(version))));

        assertThat(refused.status()).isLessThan(500);
        assertThat(refused.text()).as("the move guard's reason").contains("BAM/UAH is worked automatic");
        assertThat(api().get("/api/v1/operations/" + automatic)
                        .json()
                        .get("stage")
                        .asString())
                .isEqualTo("awaiting_payment");
        var history =
                api().get("/api/v1/operations/" + automatic + "/history").json().get("items");
        assertThat(history.size()).isEqualTo(1);
    }

    private String order(String base) {
        var placed = api().post(
                        "/api/v1/exchange/orders",
                        "{\"subject\":\"client-ro-1\",\"base\":\"" + base + "\",\"quote\":\"UAH\",\"side\":\"buy\","
                                + "\"amount\":{\"value\":\"100.00\",\"currency\":\"" + base + "\"},"
                                + "\"payoutAccount\":{\"iban\":\"DE89370400440532013000\",\"name\":\"Ioana Popescu\"}}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("id").asString();
    }
}
