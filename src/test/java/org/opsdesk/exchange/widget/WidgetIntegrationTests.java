package org.opsdesk.exchange.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsdesk.exchange.quotes.Pricing;
import org.opsdesk.exchange.quotes.Side;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;

/**
 * The rates widget over real HTTP, anonymous: its rates and paused pairs, quotes priced as the portal prices them
 * with nothing stored, readable refusals of bad input beside the field, the framing policy for the allowed origin
 * (and every other path still refusing to be framed), no session or cookie, GET and HEAD only, and the per-address
 * rate limit shared with the public rate files. Each test calls from addresses of its own (the tests' client is a
 * trusted proxy on loopback), so that the limit of one does not reach another.
 */
class WidgetIntegrationTests extends IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final BigDecimal BUY = new BigDecimal("4.5000");
    private static final BigDecimal SELL = new BigDecimal("4.7000");

    private ApiClient anonymous;
    private String address;

    @BeforeEach
    void desk() {
        anonymous = new ApiClient("http://127.0.0.1:" + port, null);
        address = nextAddress();
        currency("ZAR", "100", "100000");
        currency("INR", null, null);
        currency("MYR", null, null);
        ok(api().put("/api/v1/exchange/rates/ZAR/INR", "{\"buy\":\"" + BUY + "\",\"sell\":\"" + SELL + "\"}"));
        clock().set(Instant.now().minus(Duration.ofDays(2))); // older than opsdesk.exchange.rates.max-age
        ok(api().put("/api/v1/exchange/rates/MYR/INR", "{\"buy\":\"17.10\",\"sell\":\"17.90\"}"));
        clock().reset();
    }

    @Test
    void showsTheRatesAndSaysWhereQuotesArePaused() {
        var page = get("/widget");
        assertThat(page.status()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#rate-ZAR-INR td").eachText()).containsExactly("4.5", "4.7");
        assertThat(html.select("#rate-MYR-INR").text())
                .contains("Quotes paused")
                .doesNotContain("17.1");
        assertThat(html.select("a#order").attr("href")).isEqualTo("/portal/exchange");
        assertThat(html.select("a#order").attr("target")).isEqualTo("_blank");
        assertThat(html.select("a#order").attr("rel")).isEqualTo("noopener");
    }

    @Test
    void sendsTheFramingPolicyForTheAllowedOriginWithoutCookiesAndCachesBriefly() {
        for (String path : new String[] {"/widget", "/widget?lang=pl", "/widget/quote?pair=ZAR/INR&amount=100"}) {
            var answer = get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("content-security-policy"))
                    .as(path)
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
                            + " http://127.0.0.1:" + WIDGET_PARENT_PORT);
            assertThat(answer.header("x-frame-options")).as(path).isNull();
            assertThat(answer.header("set-cookie")).as(path).isNull();
            assertThat(answer.header("cache-control")).as(path).isEqualTo("public, max-age=30");
            assertThat(answer.header("x-content-type-options")).as(path).isEqualTo("nosniff");
        }
    }

    @Test
    void whatThePageLoadsSetsNoCookieEither() {
        var page = Jsoup.parse(get("/widget").body());
        var loaded = new java.util.ArrayList<String>(
                page.select("link[rel=stylesheet]").eachAttr("href"));
        loaded.addAll(page.select("script[src]").eachAttr("src"));
        assertThat(loaded).contains("/css/portal.css", "/portal/theme.css", "/css/widget.css");
        for (String path : loaded) {
            var answer = get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("set-cookie")).as(path).isNull();
        }
    }

    @Test
    void everyOtherPathStillRefusesToBeFramed() {
        for (String path : new String[] {
            "/login", "/portal/sign-in", "/rates.xml", "/api/public/v1/rates", "/widget/other", "/widgets", "/"
        }) {
            var answer = get(path);
            assertThat(answer.header("x-frame-options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("content-security-policy")).as(path).endsWith("frame-ancestors 'none'");
        }
    }

    @Test
    void answersOnlyGetAndHead() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
            for (String path : new String[] {"/widget", "/widget/quote"}) {
                var answer = anonymous.send(method, path, new byte[0], "X-Forwarded-For", address);
                assertThat(answer.status()).as(method + " " + path).isEqualTo(405);
                assertThat(answer.header("allow")).isEqualTo("GET, HEAD");
                assertThat(answer.header("set-cookie")).isNull();
            }
        }
        var head = anonymous.send(anonymous
                .request("/widget", "X-Forwarded-For", address)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(200);
    }

    @Test
    void speaksTheLanguageAskedForByParameterOrBrowser() {
        assertThat(Jsoup.parse(get("/widget?lang=pl").body()).select("h1").text())
                .endsWith("Kursy walut");
        var dutch = anonymous.get("/widget", "X-Forwarded-For", address, "Accept-Language", "nl-NL,nl;q=0.9");
        assertThat(Jsoup.parse(dutch.body()).select("h1").text()).endsWith("Wisselkoersen");
        assertThat(Jsoup.parse(get("/widget?lang=pt-BR").body()).select("html").attr("lang"))
                .isEqualTo("pt-BR");
    }

    @Test
    void pricesAsThePortalWouldAndStoresNoQuote() {
        long quotesBefore = quotes();
        var buy = quote("ZAR/INR", "buy", "100", "ZAR");
        assertThat(buy.select("#quote-pay").text())
                .isEqualTo(priced(Side.BUY, "100", "ZAR").pay().toString());
        assertThat(buy.select("#quote-pay").text()).isEqualTo("470.00 INR");
        assertThat(buy.select("#quote-receive").text()).isEqualTo("100.00 ZAR");
        assertThat(buy.select("#quote-rate").text()).isEqualTo("1 ZAR = 4.7 INR");
        // the client sells ZAR for 1000 INR at 4.5: 222.2222… ZAR, rounded up in the office's favour
        var sell = quote("ZAR/INR", "sell", "1000,00", "INR");
        assertThat(sell.select("#quote-pay").text()).isEqualTo("222.23 ZAR");
        assertThat(sell.select("#quote-pay").text())
                .isEqualTo(priced(Side.SELL, "1000.00", "INR").pay().toString());
        assertThat(sell.select("#quote-receive").text()).isEqualTo("1000.00 INR");
        assertThat(quotes()).isEqualTo(quotesBefore);
    }

    @Test
    void theWholePageAnswersTheCalculatorWithoutScript() {
        var page = get("/widget?pair=ZAR/INR&side=buy&amount=100&currency=ZAR");
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#rates")).hasSize(1);
        assertThat(html.select("#quote-pay").text()).isEqualTo("470.00 INR");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "XXX/INR   | buy      | 100                        | INR | pair     | Choose one of the pairs",
                "ZAR       | buy      | 100                        | INR | pair     | Choose one of the pairs",
                "MYR/INR   | buy      | 100                        | INR | pair     | are paused",
                "ZAR/INR   | sideways | 100                        | INR | side     | buy or sell",
                "ZAR/INR   | buy      | 100                        | EUR | currency | Choose ZAR or INR",
                "ZAR/INR   | buy      | 100                        | <b> | currency | Choose ZAR or INR",
                "ZAR/INR   | buy      | -5                         | INR | amount   | greater than zero",
                "ZAR/INR   | buy      | 0                          | INR | amount   | greater than zero",
                "ZAR/INR   | buy      | 1.234                      | INR | amount   | at most 2 decimals",
                "ZAR/INR   | buy      | abc                        | INR | amount   | as a number",
                "ZAR/INR   | buy      | 1e5                        | INR | amount   | as a number",
                "ZAR/INR   | buy      | 1,000.50                   | INR | amount   | as a number",
                "ZAR/INR   | buy      | <script>alert(1)</script>  | INR | amount   | as a number",
                "ZAR/INR   | buy      | 100000000000000000000      | INR | amount   | too large",
                "ZAR/INR   | buy      | 1000000000000000000000000000000000000000000000000000 | INR | amount | too long",
                "ZAR/INR   | buy      | 50                         | ZAR | amount   | outside the limits of one order",
                "ZAR/INR   | buy      | 0.01                       | INR | amount   | too small",
            })
    void explainsBadInputBesideTheFieldAndNeverFails(
            String pair, String side, String amount, String currency, String field, String says) {
        var answer = anonymous.get(
                "/widget/quote?pair=" + encode(pair) + "&side=" + encode(side) + "&amount=" + encode(amount)
                        + "&currency=" + encode(currency),
                "X-Forwarded-For",
                address);
        assertThat(answer.status()).isEqualTo(200);
        Document html = Jsoup.parse(answer.body());
        assertThat(html.select("#err-" + field).text()).contains(says);
        assertThat(html.select("#" + field).attr("aria-invalid")).isEqualTo(field.equals("side") ? "" : "true");
        assertThat(html.select("#quote")).isEmpty();
        assertThat(answer.body()).doesNotContain("<script>alert").doesNotContain("<b>");
    }

    @Test
    void refusesABurstFromOneAddressWith429WhileAnotherIsServed() {
        String flooding = nextAddress();
        ApiClient.Response refused = null;
        for (int i = 0; i < 500 && refused == null; i++) {
            var answer = anonymous.get("/widget/quote?pair=ZAR/INR&amount=100", "X-Forwarded-For", flooding);
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertThat(answer.status()).isEqualTo(200);
            }
        }
        assertThat(refused)
                .as("a 429 within 500 quick requests (burst 200, 1 a second)")
                .isNotNull();
        assertThat(Long.parseLong(refused.header("retry-after"))).isPositive();
        assertThat(refused.contentType()).startsWith("text/plain");
        assertThat(refused.body()).startsWith("Too many requests");
        assertThat(refused.header("cache-control")).isEqualTo("no-store");
        assertThat(refused.header("x-frame-options"))
                .as("shown inside the parent's frame")
                .isNull();
        assertThat(refused.header("content-security-policy"))
                .endsWith("frame-ancestors 'self' http://127.0.0.1:" + WIDGET_PARENT_PORT);
        // one limit for all the public endpoints: the files refuse this address too, the JSON as a problem
        var csv = anonymous.get("/rates.csv", "X-Forwarded-For", flooding);
        assertThat(csv.status()).isEqualTo(429);
        assertThat(csv.contentType()).startsWith("text/plain");
        var json = anonymous.get("/api/public/v1/rates", "X-Forwarded-For", flooding);
        assertThat(json.status()).isEqualTo(429);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(json.json().get("type").asString()).isEqualTo("urn:opsdesk:problem:rate-limited");
        assertThat(json.json().get("status").asInt()).isEqualTo(429);
        assertThat(json.header("retry-after")).isNotNull();
        // another address is served as before
        assertThat(anonymous.get("/widget", "X-Forwarded-For", nextAddress()).status())
                .isEqualTo(200);
        assertThat(anonymous
                        .get("/api/public/v1/rates", "X-Forwarded-For", nextAddress())
                        .status())
                .isEqualTo(200);
    }

    private Document quote(String pair, String side, String amount, String currency) {
        var answer = get("/widget/quote?pair=" + encode(pair) + "&side=" + side + "&amount=" + encode(amount)
                + "&currency=" + currency);
        assertThat(answer.status()).isEqualTo(200);
        return Jsoup.parse(answer.body());
    }

    private static Pricing.Priced priced(Side side, String amount, String currency) {
        var zar = new CurrencyCode("ZAR", 2);
        var inr = new CurrencyCode("INR", 2);
        return Pricing.price(
                "amount",
                side,
                zar,
                inr,
                BUY,
                SELL,
                new Money(new BigDecimal(amount), currency.equals("ZAR") ? zar : inr));
    }

    private long quotes() {
        return jdbc.sql("select count(*) from exchange.quote").query(Long.class).single();
    }

    private ApiClient.Response get(String path) {
        return anonymous.get(path, "X-Forwarded-For", address);
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void currency(String code, String min, String max) {
        ok(api().put(
                        "/api/v1/exchange/currencies/" + code,
                        "{\"enabled\":true,\"minAmount\":" + text(min) + ",\"maxAmount\":" + text(max)
                                + ",\"paymentWindow\":null}"));
    }

    private static String text(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
