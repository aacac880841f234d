package org.opsdesk.exchange.ecbimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The ECB import over real HTTP and PostgreSQL: spreads set through the API, an uploaded fixture of the ECB setting
 * the rates (a cross checked by hand), bad files refused on {@code file}, and the scheduled fetch from a real local
 * HTTP server — served, slow (recorded as failed within the timeout, never a hang), and skipped while another
 * instance holds the lease.
 */
class EcbImportIntegrationTests extends IntegrationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/rates");

    @Autowired
    RateBook rates;

    @Autowired
    EcbSchedule schedule;

    private HttpServer server;

    @BeforeEach
    void enableAndSpread() {
        for (String code : new String[] {"EUR", "PLN", "USD", "GBP", "CHF"}) {
            enable(code);
        }
        spread("EUR", "PLN", 100);
        spread("USD", "PLN", 200);
        spread("GBP", "CHF", 50);
        spread("PLN", "BTC", 300);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void uploadedFileSetsEveryPairWithASpreadAndSkipsThoseItDoesNotCover() throws IOException {
        var response = upload("ecb-eurofxref-daily-2025-04-03.xml", fixture("ecb-eurofxref-daily-2025-04-03.xml"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("fileDate").asString()).isEqualTo("2025-04-03");
        assertThat(body.get("outcome").asString()).isEqualTo("succeeded");
        assertThat(texts(body.get("pairsSet"))).contains("EUR/PLN", "USD/PLN", "GBP/CHF");
        assertThat(body.get("pairsSkipped").toString()).contains("PLN/BTC").contains("BTC is not in the file");

        // by hand: USD/PLN = 4.1960 / 1.1097 = 3.78120212670091…; ±1% (200 bps split evenly), 10 decimals,
        // buy rounded down and sell up
        var usdPln = rates.current("USD", "PLN").orElseThrow();
        assertThat(usdPln.buy()).isEqualByComparingTo("3.7433901054");
        assertThat(usdPln.sell()).isEqualByComparingTo("3.8190141480");
        assertThat(usdPln.source()).isEqualTo("ecb");
        var eurPln = rates.current("EUR", "PLN").orElseThrow();
        assertThat(eurPln.buy()).isEqualByComparingTo("4.17502");
        assertThat(eurPln.sell()).isEqualByComparingTo("4.21698");

        var history =
                api().get("/api/v1/exchange/rates/USD/PLN/history?limit=1").json();
        assertThat(history.get("items").get(0).get("source").asString()).isEqualTo("ecb");
        var log = api().get("/api/v1/exchange/rates/import/ecb")
                .json()
                .get("items")
                .get(0);
        assertThat(log.get("origin").asString()).isEqualTo("upload");
        assertThat(log.get("location").asString()).isEqualTo("ecb-eurofxref-daily-2025-04-03.xml");
        assertThat(texts(log.get("pairsSet"))).contains("USD/PLN");
    }

    @Test
    void aPairWithADisabledCurrencyIsSkippedWithTheReason() throws IOException {
        spread("EUR", "SEK", 100); // SEK is in the file but never enabled here
        var response = upload("daily.csv", fixture("ecb-eurofxref-daily-2026-04-13.csv"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("fileDate").asString()).isEqualTo("2026-04-13");
        assertThat(response.json().get("pairsSkipped").toString())
                .contains("EUR/SEK")
                .contains("not enabled");
        assertThat(rates.current("EUR", "SEK")).isEmpty();
    }

    @Test
    void refusesFilesTheEcbDoesNotPublishOnFileAndRecordsTheFailure() {
        for (byte[] bad : new byte[][] {
            "not,a,rates\nfile".getBytes(StandardCharsets.UTF_8),
            "<rates><nothing/></rates>".getBytes(StandardCharsets.UTF_8),
            new byte[] {'P', 'K', 3, 4, 1, 2},
        }) {
            var response = upload("bad.xml", bad);
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("file");
        }
        var missing = api().send(
                        "POST",
                        "/api/v1/exchange/rates/import/ecb",
                        multipart("other", "x.xml", new byte[] {1}),
                        "Content-Type",
                        "multipart/form-data; boundary=" + BOUNDARY);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        var notMultipart = api().post("/api/v1/exchange/rates/import/ecb", "{\"file\":\"x\"}");
        assertThat(notMultipart.status()).isEqualTo(422);
        assertThat(notMultipart.json().get("errors").get(0).get("field").asString())
                .isEqualTo("file");
        assertThat(apiWith("exchange:view")
                        .post("/api/v1/exchange/rates/import/ecb", "{}")
                        .status())
                .isEqualTo(403);
        var log = api().get("/api/v1/exchange/rates/import/ecb")
                .json()
                .get("items")
                .get(0);
        assertThat(log.get("outcome").asString()).isEqualTo("failed");
        assertThat(log.get("reason").asString()).isNotBlank();
    }

    @Test
    void spreadsAreCheckedAndNeedManage() {
        assertThat(api().put("/api/v1/exchange/pairs/EUR/PLN/spread", "{\"spreadBps\":5001}")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("spreadBps");
        assertThat(api().put("/api/v1/exchange/pairs/EUR/PLN/spread", "{\"spreadBps\":-1}")
                        .status())
                .isEqualTo(422);
        assertThat(api().put("/api/v1/exchange/pairs/EUR/PLN/spread", "{}").status())
                .isEqualTo(422);
        assertThat(api().put("/api/v1/exchange/pairs/EUR/EUR/spread", "{\"spreadBps\":10}")
                        .status())
                .isEqualTo(422);
        assertThat(api().put("/api/v1/exchange/pairs/EUR/QQQ/spread", "{\"spreadBps\":10}")
                        .status())
                .isEqualTo(404);
        assertThat(apiWith("exchange:view")
                        .put("/api/v1/exchange/pairs/EUR/PLN/spread", "{\"spreadBps\":10}")
                        .status())
                .isEqualTo(403);
        var listed = api().get("/api/v1/exchange/pairs/spreads").json().get("items");
        assertThat(listed.toString()).contains("\"base\":\"EUR\",\"quote\":\"PLN\",\"spreadBps\":100");
    }

    @Test
    void scheduledFetchImportsTheFileALocalServerServes() throws IOException {
        byte[] file = fixture("ecb-eurofxref-daily-2026-04-13.csv");
        URI url = serve(exchange -> {
            exchange.sendResponseHeaders(200, file.length);
            exchange.getResponseBody().write(file);
            exchange.close();
        });

        var done = schedule.run(url, Duration.ofSeconds(5)).orElseThrow();

        assertThat(done.succeeded()).as(String.valueOf(done.reason())).isTrue();
        assertThat(done.fileDate()).hasToString("2026-04-13");
        assertThat(done.pairsSet()).contains("EUR/PLN");
        assertThat(rates.current("EUR", "PLN").orElseThrow().buy())
                .isEqualByComparingTo(new BigDecimal("4.2543")
                        .multiply(new BigDecimal("0.995"))
                        .setScale(10, java.math.RoundingMode.DOWN));
        var log = api().get("/api/v1/exchange/rates/import/ecb")
                .json()
                .get("items")
                .get(0);
        assertThat(log.get("origin").asString()).isEqualTo("schedule");
        assertThat(log.get("location").asString()).isEqualTo(url.toString());
        assertThat(log.get("importedBy").asString()).isEqualTo("ecb-import");
    }

    @Test
    void aSlowServerIsCutOffAndRecordedAsAFailure() throws IOException {
        URI slowHeaders = serve(exchange -> {
            sleep(3_000);
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        Instant started = Instant.now();
        var noAnswer = schedule.run(slowHeaders, Duration.ofMillis(400)).orElseThrow();
        assertThat(noAnswer.succeeded()).isFalse();
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(2_500));

        server.stop(0);
        URI trickle = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("Date, USD\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            sleep(3_000);
            exchange.close();
        });
        started = Instant.now();
        var slowBody = schedule.run(trickle, Duration.ofMillis(400)).orElseThrow();
        assertThat(slowBody.succeeded()).isFalse();
        assertThat(slowBody.reason()).contains("did not arrive within");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofMillis(2_500));

        var log = api().get("/api/v1/exchange/rates/import/ecb").json().get("items");
        assertThat(log.get(0).get("outcome").asString()).isEqualTo("failed");
        assertThat(log.get(0).get("origin").asString()).isEqualTo("schedule");
        assertThat(log.get(1).get("outcome").asString()).isEqualTo("failed");
    }

    @Test
    void skipsTheRunWhileAnotherInstanceHoldsTheLease() throws IOException {
        URI url = serve(exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        jdbc.sql("update exchange.ecb_import_lease set held_by = 'other-node', held_until = ? where id = 1")
                .param(clock().instant().plusSeconds(600).atOffset(java.time.ZoneOffset.UTC))
                .update();
        try {
            assertThat(schedule.run(url, Duration.ofSeconds(1))).isEmpty();
        } finally {
            jdbc.sql("update exchange.ecb_import_lease set held_by = null, held_until = '-infinity' where id = 1")
                    .update();
        }
        var served = schedule.run(url, Duration.ofSeconds(1)).orElseThrow();
        assertThat(served.reason()).contains("HTTP 500");
    }

    private static final String BOUNDARY = "opsdesk-test-boundary";

    private ApiClient.Response upload(String name, byte[] content) {
        return api().send(
                        "POST",
                        "/api/v1/exchange/rates/import/ecb",
                        multipart("file", name, content),
                        "Content-Type",
                        "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static byte[] multipart(String part, String name, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private URI serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/eurofxref", handler);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/eurofxref");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(FIXTURES.resolve(name));
    }

    private static java.util.List<String> texts(JsonNode array) {
        var texts = new java.util.ArrayList<String>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    private void enable(String code) {
        var response = api().put(
                        "/api/v1/exchange/currencies/" + code,
                        "{\"enabled\":true,\"minAmount\":null,\"maxAmount\":null,\"paymentWindow\":null}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void spread(String base, String quote, int bps) {
        var response =
                api().put("/api/v1/exchange/pairs/" + base + "/" + quote + "/spread", "{\"spreadBps\":" + bps + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
