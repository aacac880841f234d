package org.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.exchange.accounts.TestIbans;
import org.opsdesk.notifications.channels.GatewayServer;
import org.opsdesk.support.IntegrationTest;

/**
 * Ordering on the portal (the pages live in {@code exchange.portal}; here for the portal's test helpers): a client
 * quotes EUR/PLN and accepts at the locked rate, even after the desk's rate moved; expired, used and other clients'
 * quotes and orders are refused (another's answers 404); ordering waits for the identity check; the quote form
 * refuses bad input beside the field, never with a 5xx and storing nothing; a client cancels an unpaid order and
 * sees only the stages of its history; after the desk changed an order's rate, "My orders" shows what the client pays
 * now.
 */
class PortalOrdersIntegrationTests extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(MAIL_PORT, "127.0.0.1", "smtp"));

    static final GatewayServer gateway = new GatewayServer(GATEWAY_PORT);

    static VerifiedClients.Client approved;
    static VerifiedClients.Client other;
    static boolean accountReady;

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void desk() throws Exception {
        gateway.status = 202;
        put("/api/v1/exchange/currencies/EUR", "{\"enabled\":true,\"paymentWindow\":\"PT30M\"}");
        put("/api/v1/exchange/currencies/PLN", "{\"enabled\":true}");
        put("/api/v1/exchange/rates/EUR/PLN", "{\"buy\":\"4.2000\",\"sell\":\"4.3000\"}");
        if (!accountReady) {
            var created = api().post(
                            "/api/v1/exchange/bank-accounts",
                            "{\"bankName\":\"PKO BP\",\"iban\":\"" + TestIbans.polish(TestIbans.PKO)
                                    + "\",\"currency\":\"EUR\",\"purpose\":\"both\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            approved = VerifiedClients.approved(port, smtp, gateway, jdbc, api());
            other = VerifiedClients.approved(port, smtp, gateway, jdbc, api());
            accountReady = true;
        }
    }

    private static PortalVisitor.Page quote(PortalVisitor browser, String side, String amount, String currency) {
        browser.get("/portal/exchange");
        return browser.post(
                "/portal/exchange", "pair", "EUR/PLN", "side", side, "amount", amount, "currency", currency);
    }

    private static String quoteId(PortalVisitor.Page page) {
        var input = page.html().selectFirst("#accept-form input[name=quoteId]");
        assertThat(input).as(page.body()).isNotNull();
        return input.attr("value");
    }

    private long ordersOf(String subject) {
        return jdbc.sql("select count(*) from operations.operation where subject = ? and type = 'exchange_order'")
                .param(subject)
                .query(Long.class)
                .single();
    }

    @Test
    void acceptingAQuotePlacesTheOrderAtTheQuotedRateEvenAfterTheDeskRateChanged() {
        var browser = approved.browser();
        var quoted = quote(browser, "sell", "100.00", "EUR");
        assertThat(quoted.status()).isEqualTo(200);
        // the client sells 100.00 EUR at buy 4.2000: receives 420.00 PLN, paid out to their PLN account
        assertThat(quoted.html().select("#quote-receive").text()).isEqualTo("420.00 PLN");
        assertThat(quoted.html().select("#quote-pay").text()).isEqualTo("100.00 EUR");
        assertThat(quoted.html().select("#quote-payout").text()).isEqualTo("PL61 1090 1014 0000 0712 1981 2874");
        assertThat(quoted.html().select("#quote-validity").text()).contains("60");
        put("/api/v1/exchange/rates/EUR/PLN", "{\"buy\":\"4.1000\",\"sell\":\"4.2000\"}");

        var accepted = browser.post("/portal/exchange/accept", "quoteId", quoteId(quoted));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        assertThat(accepted.location()).matches("/portal/orders/[0-9a-f-]{36}\\?notice=placed");
        String id = accepted.location()
                .substring("/portal/orders/".length(), accepted.location().indexOf('?'));
        var order = api().get("/api/v1/exchange/orders/" + id).json();
        assertThat(order.get("rate").asString()).isEqualTo("4.2000");
        assertThat(order.get("receive").get("value").asString()).isEqualTo("420.00");
        var page = browser.get(accepted.location());
        assertThat(page.html().select("#order-rate").text()).isEqualTo("1 EUR = 4.2000 PLN");
        assertThat(page.html().select("#transfer-amount").text()).isEqualTo("100.00 EUR");
        assertThat(page.html().select("#transfer-reference").text()).startsWith("RF");
        assertThat(page.html().select("#transfer-account").text().replace(" ", ""))
                .isEqualTo(order.get("payIn").get("iban").asString().replace(" ", ""));
        assertThat(page.html().select("#countdown").attr("data-until"))
                .isEqualTo(order.get("deadline").asString());
        assertThat(page.html().select("#qr-code").attr("src")).startsWith("data:image/svg+xml");
        assertThat(page.html().select("#history li").text()).contains("Awaiting your payment");
        assertThat(browser.get("/portal/orders").html().select("#orders").text())
                .contains(order.get("paymentReference").asString().substring(0, 4));
    }

    @Test
    void myOrdersShowsWhatTheClientPaysAfterTheDeskChangedTheRate() {
        var browser = approved.browser();
        // the client sells euros for 420.00 PLN they typed: what they pay follows the rate
        var accepted =
                browser.post("/portal/exchange/accept", "quoteId", quoteId(quote(browser, "sell", "420.00", "PLN")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        String id = accepted.location()
                .substring("/portal/orders/".length(), accepted.location().indexOf('?'));
        String row = "#orders a[href='/portal/orders/" + id + "']";
        assertThat(browser.get("/portal/orders")
                        .html()
                        .selectFirst(row)
                        .closest("tr")
                        .text())
                .contains("100.00 EUR");

        var changed = api().post(
                        "/api/v1/exchange/orders/" + id + "/rate",
                        "{\"rate\":\"4.2100\",\"reason\":\"Rate agreed with the client by phone\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        // 420.00 / 4.2100 = 99.7624 EUR, rounded up in the office's favour
        assertThat(changed.json().get("pay").get("value").asString()).isEqualTo("99.77");
        assertThat(browser.get("/portal/orders/" + id)
                        .html()
                        .select("#transfer-amount")
                        .text())
                .isEqualTo("99.77 EUR");
        assertThat(browser.get("/portal/orders")
                        .html()
                        .selectFirst(row)
                        .closest("tr")
                        .text())
                .as("the list shows what the client pays now, as the order's page does")
                .contains("99.77 EUR")
                .doesNotContain("100.00 EUR");
    }

    @Test
    void refusesAnExpiredQuoteAndOffersTheFormAgain() {
        long before = ordersOf(approved.subject());
        var quoted = quote(approved.browser(), "sell", "50.00", "EUR");
        clock().advance(Duration.ofSeconds(61));

        var refused = approved.browser().post("/portal/exchange/accept", "quoteId", quoteId(quoted));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("#form-error").text()).contains("expired");
        assertThat(refused.html().select("#amount").attr("value")).isEqualTo("50.00");
        assertThat(ordersOf(approved.subject())).isEqualTo(before);
    }

    @Test
    void refusesAQuoteAcceptedAlready() {
        var quoted = quote(approved.browser(), "sell", "20.00", "EUR");
        String quoteId = quoteId(quoted);
        assertThat(approved.browser()
                        .post("/portal/exchange/accept", "quoteId", quoteId)
                        .status())
                .isEqualTo(302);
        long after = ordersOf(approved.subject());

        approved.browser().get("/portal/exchange");
        var again = approved.browser().post("/portal/exchange/accept", "quoteId", quoteId);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.html().select("#form-error").text()).contains("already accepted");
        assertThat(ordersOf(approved.subject())).isEqualTo(after);
    }

    @Test
    void anotherClientsQuoteAndOrderAnswer404() {
        var quoted = quote(approved.browser(), "sell", "30.00", "EUR");
        String quoteId = quoteId(quoted);
        var stranger = other.browser();
        stranger.get("/portal/exchange");

        assertThat(stranger.post("/portal/exchange/accept", "quoteId", quoteId).status())
                .isEqualTo(404);
        assertThat(stranger.post("/portal/exchange/accept", "quoteId", "not-a-uuid")
                        .status())
                .isEqualTo(404);
        var accepted = approved.browser().post("/portal/exchange/accept", "quoteId", quoteId);
        String order = accepted.location().substring(0, accepted.location().indexOf('?'));
        assertThat(stranger.get(order).status()).isEqualTo(404);
        assertThat(stranger.get("/portal/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(stranger.get("/portal/orders/" + approved.kycOperation()).status())
                .as("an operation of the client that is not an order")
                .isEqualTo(404);
        stranger.get("/portal/orders");
        assertThat(stranger.post(order + "/cancel").status()).isEqualTo(404);
        assertThat(stranger.get("/portal/orders").body()).doesNotContain(order.substring(order.lastIndexOf('/') + 1));
        assertThat(approved.browser().get(order).status()).isEqualTo(200);
    }

    @Test
    void withoutAPayoutAccountInTheCurrencyBoughtThePriceIsShownButCannotBeAccepted() {
        var quoted = quote(approved.browser(), "buy", "50.00", "EUR");

        assertThat(quoted.html().select("#quote-pay").text()).isEqualTo("215.00 PLN");
        assertThat(quoted.html().select("#quote-payout").text()).contains("no payout account in EUR");
        assertThat(quoted.html().select("#accept-form")).isEmpty();
    }

    @Test
    void askedByHtmxTheQuoteComesAloneAndARefusedFormComesBackWholeInPlace() {
        var browser = approved.browser();
        browser.get("/portal/exchange");
        browser.header("HX-Request", "true");
        try {
            var quoted = browser.post(
                    "/portal/exchange", "pair", "EUR/PLN", "side", "sell", "amount", "100.00", "currency", "EUR");

            assertThat(quoted.status()).isEqualTo(200);
            assertThat(quoted.body()).doesNotContain("<html").doesNotContain("quote-form");
            assertThat(quoted.html().select("#quote-slot #quote-receive").text())
                    .isEqualTo("420.00 PLN");
            assertThat(quoted.html().select("#accept-form input[name=_csrf]")).hasSize(1);
            assertThat(quoted.header("HX-Retarget")).isNull();

            var refused = browser.post(
                    "/portal/exchange", "pair", "EUR/PLN", "side", "sell", "amount", "-5", "currency", "EUR");

            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.header("HX-Retarget")).isEqualTo("#exchange-body");
            assertThat(refused.header("HX-Reswap")).isEqualTo("outerHTML");
            assertThat(refused.body()).doesNotContain("<html");
            assertThat(refused.html().select("#exchange-body #quote-form")).hasSize(1);
            assertThat(refused.fieldError("amount")).isNotBlank();
            assertThat(refused.html().select("#quote-slot #quote")).isEmpty();

            browser.withoutHeader("HX-Request");
            var accepted = browser.post("/portal/exchange/accept", "quoteId", quoteId(quoted));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        } finally {
            browser.withoutHeader("HX-Request");
        }
    }

    @Test
    void acceptingAQuoteWithoutAPayoutAccountStoresNothingAndShowsThePriceAgain() {
        var browser = approved.browser();
        quote(browser, "buy", "50.00", "EUR");
        UUID quoteId = jdbc.sql("select id from exchange.quote where subject = ? and receive_currency = 'EUR'"
                        + " and order_id is null limit 1")
                .param(approved.subject())
                .query(UUID.class)
                .single();
        long before = ordersOf(approved.subject());

        var refused = browser.post("/portal/exchange/accept", "quoteId", quoteId.toString());

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().select("#quote-payout").text()).contains("no payout account in EUR");
        assertThat(refused.html().select("#accept-form")).isEmpty();
        assertThat(refused.html().select("#amount").attr("value")).isEqualTo("50.00");
        assertThat(ordersOf(approved.subject())).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from exchange.quote where id = ? and order_id is null")
                        .param(quoteId)
                        .query(Long.class)
                        .single())
                .as("the quote stays unused")
                .isEqualTo(1);
    }

    @Test
    void orderingWaitsForTheIdentityCheck() throws Exception {
        var pending = VerifiedClients.pending(port, smtp, gateway, jdbc);
        long stored = quotesStored();

        var page = pending.browser().get("/portal/exchange");
        assertThat(page.html().select("#before-kyc").text()).contains("still checking your identity");
        var refused = quote(pending.browser(), "sell", "10.00", "EUR");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.fieldError("amount")).contains("Until your identity is verified");
        assertThat(refused.html().select("#accept-form")).isEmpty();
        assertThat(ordersOf(pending.subject())).isZero();
        assertThat(quotesStored())
                .as("a quote refused before KYC is not stored")
                .isEqualTo(stored);
    }

    @Test
    void theClientCancelsAnUnpaidOrderAndSeesOnlyTheStagesOfItsHistory() {
        var quoted = quote(approved.browser(), "sell", "40.00", "EUR");
        var accepted = approved.browser().post("/portal/exchange/accept", "quoteId", quoteId(quoted));
        String order = accepted.location().substring(0, accepted.location().indexOf('?'));
        String id = order.substring(order.lastIndexOf('/') + 1);
        var comment = api().post("/api/v1/operations/" + id + "/comments", "{\"text\":\"Internal: check this one\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);

        approved.browser().get(order);
        var cancelled = approved.browser().post(order + "/cancel");

        assertThat(cancelled.location()).isEqualTo(order + "?notice=cancelled");
        var operation = api().get("/api/v1/operations/" + id).json();
        assertThat(operation.get("stage").asString()).isEqualTo("cancelled");
        var page = approved.browser().get(order);
        assertThat(page.html().select("#order-stage").text()).contains("Cancelled");
        assertThat(page.html().select("#history li")).hasSize(2);
        assertThat(page.html().select("#transfer")).isEmpty();
        assertThat(page.body())
                .doesNotContain("Internal: check this one")
                .doesNotContain("cancelled by the client")
                .doesNotContain("integration");
        approved.browser().get(order);
        assertThat(approved.browser().post(order + "/cancel").location())
                .as("a closed order is not cancelled again")
                .isEqualTo(order + "?notice=notCancellable");
    }

    static Stream<Arguments> badQuotes() {
        String longText = "9".repeat(41);
        return Stream.of(
                Arguments.of("EUR/PLN", "sell", "100.001", "EUR", "amount"),
                Arguments.of("EUR/PLN", "sell", "-5", "EUR", "amount"),
                Arguments.of("EUR/PLN", "sell", "1e3", "EUR", "amount"),
                Arguments.of("EUR/PLN", "sell", "", "EUR", "amount"),
                Arguments.of("EUR/PLN", "sell", "1 000", "EUR", "amount"),
                Arguments.of("EUR/PLN", "sell", "<script>alert(1)</script>", "EUR", "amount"),
                Arguments.of("EUR/PLN", "sell", longText, "EUR", "amount"),
                Arguments.of("EUR/PLN", "sell", "１００", "EUR", "amount"),
                Arguments.of("EUR/PLN", "sell", "100", "XYZ", "currency"),
                Arguments.of("EUR/PLN", "sell", "100", "USD", "currency"),
                Arguments.of("EUR/PLN", "sell", "100", "<b>EUR</b>", "currency"),
                Arguments.of("EUR/XYZ", "sell", "100", "EUR", "pair"),
                Arguments.of("<script>", "sell", "100", "EUR", "pair"),
                Arguments.of("EUR/PLN/" + longText, "sell", "100", "EUR", "pair"),
                Arguments.of("EUR/PLN", "hold", "100", "EUR", "side"),
                Arguments.of("EUR/PLN", "", "100", "EUR", "side"));
    }

    @ParameterizedTest
    @MethodSource("badQuotes")
    void refusesABadQuoteBesideTheFieldAndStoresNothing(
            String pair, String side, String amount, String currency, String field) {
        long stored = quotesStored();
        var browser = approved.browser();
        browser.get("/portal/exchange");

        var refused =
                browser.post("/portal/exchange", "pair", pair, "side", side, "amount", amount, "currency", currency);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.fieldError(field)).as(refused.body()).isNotBlank();
        assertThat(refused.html().select("#quote")).isEmpty();
        assertThat(refused.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>EUR</b>");
        assertThat(quotesStored()).isEqualTo(stored);
    }

    private long quotesStored() {
        return jdbc.sql("select count(*) from exchange.quote").query(Long.class).single();
    }

    private void put(String path, String body) {
        var response = api().put(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
