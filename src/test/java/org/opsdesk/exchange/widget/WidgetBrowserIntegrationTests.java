package org.opsdesk.exchange.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.browser.BrowserTest;

/**
 * The widget framed by another site, in Chromium: a page served by a JDK HttpServer on 127.0.0.1 at another port
 * (another origin) embeds it in an iframe. From the allowed origin ({@code WIDGET_PARENT_PORT}, configured for the
 * tests) the frame shows the rates and prices a quote, and "Order" opens the portal in a new browsing context
 * without an opener; from an origin not configured Chromium refuses to render it. axe-core finds nothing serious on
 * the widget, which stays usable 320 px wide.
 */
class WidgetBrowserIntegrationTests extends BrowserTest {

    private HttpServer allowedParent;
    private HttpServer otherParent;

    @BeforeEach
    void deskAndParents() throws IOException {
        currency("ZAR", "100", "100000");
        currency("INR", null, null);
        currency("MYR", null, null);
        ok(api().put("/api/v1/exchange/rates/ZAR/INR", "{\"buy\":\"4.5000\",\"sell\":\"4.7000\"}"));
        clock().set(Instant.now().minus(Duration.ofDays(2)));
        ok(api().put("/api/v1/exchange/rates/MYR/INR", "{\"buy\":\"17.10\",\"sell\":\"17.90\"}"));
        clock().reset();
        allowedParent = parent(WIDGET_PARENT_PORT);
        otherParent = parent(0);
    }

    @AfterEach
    void stopParents() {
        allowedParent.stop(0);
        otherParent.stop(0);
    }

    @Test
    void anAllowedSiteFramesTheWidgetAndAVisitorGetsAPriceInIt() {
        page.navigate("http://127.0.0.1:" + WIDGET_PARENT_PORT + "/");
        var widget = page.frameLocator("#rates-widget");
        assertThat(widget.locator("#rate-ZAR-INR")).containsText("4.7");
        assertThat(widget.locator("#rate-MYR-INR")).containsText("Quotes paused");
        widget.locator("#pair").selectOption("ZAR/INR");
        widget.locator("#side-buy").check();
        widget.locator("#amount").fill("100");
        widget.locator("#currency").selectOption("ZAR");
        widget.locator("#quote-submit").click();
        assertThat(widget.locator("#quote-pay")).hasText("470.00 INR");
        assertThat(widget.locator("#quote-receive")).hasText("100.00 ZAR");

        widget.locator("#amount").fill("1.234");
        widget.locator("#quote-submit").click();
        assertThat(widget.locator("#err-amount")).containsText("at most 2 decimals");
        assertThat(widget.locator("#amount")).hasAttribute("aria-invalid", "true");

        Page portal = page.context().waitForPage(() -> widget.locator("#order").click());
        portal.waitForLoadState();
        assertThat(portal.url()).contains("/portal/sign-in");
        assertThat(portal.evaluate("() => window.opener === null")).isEqualTo(true);
    }

    @Test
    void aSiteNotConfiguredCannotFrameIt() {
        var policy = new AtomicReference<String>();
        page.onResponse(response -> {
            if (response.url().endsWith("/widget")) {
                policy.set(response.headerValue("content-security-policy"));
            }
        });
        page.navigate("http://127.0.0.1:" + otherParent.getAddress().getPort() + "/");
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator("#rates-widget")).isVisible();
        assertThat(policy.get())
                .endsWith("frame-ancestors 'self' http://127.0.0.1:" + WIDGET_PARENT_PORT)
                .doesNotContain(":" + otherParent.getAddress().getPort());
        Frame frame = page.frames().stream()
                .filter(f -> f != page.mainFrame())
                .findFirst()
                .orElseThrow();
        assertThat(frame.url()).doesNotEndWith("/widget"); // Chromium's error page stands in for it
        assertThat(page.frameLocator("#rates-widget").locator("#rates")).hasCount(0);
    }

    @Test
    void theWidgetIsAccessibleAndFitsAPhone() {
        page.navigate("/widget?pair=ZAR/INR&side=buy&amount=1.234&currency=ZAR");
        assertThat(page.locator("#err-amount")).isVisible();
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        page.setViewportSize(320, 640);
        page.navigate("/widget?lang=pl&pair=ZAR/INR&side=sell&amount=100&currency=ZAR");
        assertThat(page.locator("#quote-receive")).hasText("450.00 INR");
        assertNoSeriousA11yViolations(page);
        assertNoMissingMessageKeys(page);
        assertThat(
                        page.evaluate(
                                "() => [...document.querySelectorAll('body *')]"
                                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                                        + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right)"))
                .as("elements reaching past the right edge")
                .asList()
                .isEmpty();
        assertThat(page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(320);
    }

    /** The other site: a page that embeds the widget of the application under test. */
    private HttpServer parent(int port) throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10);
        byte[] html = ("<!DOCTYPE html><html lang=\"en\"><head><title>Kantor</title></head><body>"
                        + "<h1>Our office</h1><iframe id=\"rates-widget\" title=\"Rates\" width=\"400\" height=\"900\""
                        + " src=\"" + baseUrl() + "/widget\"></iframe></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.start();
        return server;
    }

    private void currency(String code, String min, String max) {
        ok(api().put(
                        "/api/v1/exchange/currencies/" + code,
                        "{\"enabled\":true,\"minAmount\":" + (min == null ? "null" : "\"" + min + "\"")
                                + ",\"maxAmount\":" + (max == null ? "null" : "\"" + max + "\"")
                                + ",\"paymentWindow\":null}"));
    }

    private static void ok(ApiClient.Response response) {
        org.assertj.core.api.Assertions.assertThat(response.status())
                .as(response.body())
                .isEqualTo(200);
    }
}
