package org.opsdesk.exchange.publicrates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.accounts.BankAccountPairing;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

/**
 * The public rate files over real HTTP without sign-in: the XML parsed with the items expected for pairs in
 * different modes, limits and states, stable ETags that change with a rate, 304 answers, the CSV's columns, the
 * JSON with CORS for the allowed origin only, and anonymous access to exactly these paths.
 */
class PublicRatesIntegrationTests extends IntegrationTest {

    @Autowired
    BankAccountPairing accounts;

    private ApiClient anonymous;

    @BeforeEach
    void pairs() {
        anonymous = new ApiClient("http://127.0.0.1:" + port, null);
        for (String code : new String[] {"HUF", "CZK", "RON", "DKK", "ISK"}) {
            currency(code, true, null, null);
        }
        currency("HUF", true, "1000", "5000000");
        ok(api().put(
                        "/api/v1/exchange/rates/HUF/CZK",
                        "{\"buy\":\"0.0601\",\"sell\":\"0.0620\",\"mode\":\"automatic\"}"));
        ok(api().put("/api/v1/exchange/rates/RON/DKK", "{\"buy\":\"1.4500\",\"sell\":\"1.5200\",\"mode\":\"manual\"}"));
        ok(api().put("/api/v1/exchange/rates/ISK/HUF", "{\"buy\":\"2.51\",\"sell\":\"2.60\"}"));
        currency("ISK", false, null, null); // its pair is no longer quotable, so not published
    }

    @Test
    void xmlListsBothDirectionsOfEveryQuotablePair() throws Exception {
        var response = anonymous.get("/rates.xml");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/xml").containsIgnoringCase("utf-8");
        assertThat(response.header("set-cookie")).isNull();
        var document = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("rates");
        var items = items(document.getDocumentElement());

        var sellHuf = items.get("HUF>CZK");
        assertThat(sellHuf).containsEntry("in", "1").containsEntry("out", "0.0601");
        assertThat(sellHuf).containsEntry("minamount", "1000.00").containsEntry("maxamount", "5000000.00");
        assertThat(sellHuf).containsEntry("amount", accounts.reserve("CZK").toPlainString());
        assertThat(sellHuf).doesNotContainKey("param"); // automatic
        var buyHuf = items.get("CZK>HUF");
        assertThat(buyHuf).containsEntry("in", "0.062").containsEntry("out", "1");
        assertThat(buyHuf).containsEntry("amount", accounts.reserve("HUF").toPlainString());
        assertThat(buyHuf).doesNotContainKey("minamount");
        assertThat(items.get("RON>DKK")).containsEntry("out", "1.45").containsEntry("param", "manual");
        assertThat(items.get("DKK>RON")).containsEntry("in", "1.52").containsEntry("param", "manual");
        assertThat(items).doesNotContainKeys("ISK>HUF", "HUF>ISK");
    }

    @Test
    void theEtagStaysWhileNothingChangesAndMovesWithARate() {
        var first = anonymous.get("/rates.xml");
        var second = anonymous.get("/rates.xml");
        String etag = first.header("etag");
        assertThat(etag).isNotBlank().isEqualTo(second.header("etag"));
        assertThat(first.header("last-modified")).isNotBlank().isEqualTo(second.header("last-modified"));
        assertThat(first.body()).isEqualTo(second.body());

        var notModified = anonymous.get("/rates.xml", "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(anonymous
                        .get("/rates.xml", "If-Modified-Since", first.header("last-modified"))
                        .status())
                .isEqualTo(304);
        assertThat(anonymous.get("/rates.csv", "If-None-Match", etag).status())
                .as("another format's ETag")
                .isEqualTo(200);

        clock().advance(java.time.Duration.ofSeconds(2));
        ok(api().put("/api/v1/exchange/rates/HUF/CZK", "{\"buy\":\"0.0602\",\"sell\":\"0.0621\"}"));
        var changed = anonymous.get("/rates.xml", "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("etag")).isNotEqualTo(etag);
        assertThat(changed.body()).contains("<out>0.0602</out>");
        assertThat(anonymous
                        .get("/rates.xml", "If-Modified-Since", first.header("last-modified"))
                        .status())
                .isEqualTo(200);

        String modeEtag = changed.header("etag");
        ok(api().put("/api/v1/exchange/pairs/HUF/CZK", "{\"mode\":\"semi_automatic\"}"));
        assertThat(anonymous.get("/rates.xml").header("etag")).isNotEqualTo(modeEtag);
    }

    @Test
    void csvHasTheSameColumns() {
        var response = anonymous.get("/rates.csv");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        var lines = response.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("from,to,in,out,amount,minamount,maxamount,param");
        assertThat(lines).contains("RON,DKK,1,1.45," + accounts.reserve("DKK").toPlainString() + ",,,manual");
        assertThat(lines)
                .contains("HUF,CZK,1,0.0601," + accounts.reserve("CZK").toPlainString() + ",1000.00,5000000.00,");
        assertThat(response.header("etag")).isNotBlank();
    }

    @Test
    void jsonAnswersWithCorsForTheAllowedOriginOnly() {
        var allowed = anonymous.get("/api/public/v1/rates", "Origin", RATES_ORIGIN);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.contentType()).startsWith("application/json");
        assertThat(allowed.header("access-control-allow-origin")).isEqualTo(RATES_ORIGIN);
        assertThat(allowed.header("access-control-allow-credentials")).isNull();
        assertThat(allowed.header("access-control-expose-headers")).containsIgnoringCase("etag");
        var items = new ArrayList<String>();
        allowed.json()
                .get("items")
                .forEach(item -> items.add(item.get("from").asString() + ">"
                        + item.get("to").asString() + "=" + item.get("out").asString()));
        assertThat(items).contains("HUF>CZK=0.0601", "CZK>HUF=1");
        assertThat(allowed.header("etag")).isNotBlank();

        var other = anonymous.get("/api/public/v1/rates", "Origin", "https://evil.example.net");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("access-control-allow-origin")).isNull();

        var preflight = anonymous.send(anonymous
                .request("/api/public/v1/rates", "Origin", RATES_ORIGIN, "Access-Control-Request-Method", "GET")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("access-control-allow-origin")).isEqualTo(RATES_ORIGIN);
        assertThat(preflight.header("access-control-allow-methods")).contains("GET");
        var refusedPreflight = anonymous.send(anonymous
                .request(
                        "/api/public/v1/rates",
                        "Origin",
                        "https://evil.example.net",
                        "Access-Control-Request-Method",
                        "GET")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(refusedPreflight.status()).isEqualTo(403);
        assertThat(refusedPreflight.header("access-control-allow-origin")).isNull();
        assertThat(anonymous.get("/rates.xml", "Origin", RATES_ORIGIN).header("access-control-allow-origin"))
                .as("CORS is for the JSON only")
                .isNull();
    }

    @Test
    void anonymousCallersReachOnlyThePublicRatePaths() {
        assertThat(anonymous.get("/rates.xml").status()).isEqualTo(200);
        assertThat(anonymous.get("/rates.csv").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/public/v1/rates").status()).isEqualTo(200);

        assertThat(anonymous.get("/api/v1/exchange/rates").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/public/v1/rates/HUF").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/public/v1/other").status()).isEqualTo(401);
        assertThat(anonymous.get("/rates.json").status()).isEqualTo(302); // the console's sign-in
        assertThat(anonymous.get("/rates.xml/anything").status()).isEqualTo(302);
        assertThat(anonymous.post("/rates.xml", "{}").status()).isEqualTo(403);
        assertThat(anonymous.send("DELETE", "/api/public/v1/rates", new byte[0]).status())
                .isEqualTo(403);
    }

    private static Map<String, Map<String, String>> items(Element rates) {
        var items = new LinkedHashMap<String, Map<String, String>>();
        var nodes = rates.getElementsByTagName("item");
        for (int i = 0; i < nodes.getLength(); i++) {
            var item = (Element) nodes.item(i);
            var fields = new LinkedHashMap<String, String>();
            var children = item.getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element field) {
                    fields.put(field.getTagName(), field.getTextContent());
                }
            }
            items.put(fields.get("from") + ">" + fields.get("to"), fields);
        }
        return items;
    }

    private void currency(String code, boolean enabled, String min, String max) {
        ok(api().put(
                        "/api/v1/exchange/currencies/" + code,
                        "{\"enabled\":" + enabled + ",\"minAmount\":" + text(min) + ",\"maxAmount\":" + text(max)
                                + ",\"paymentWindow\":null}"));
    }

    private static String text(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
