package org.opsdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.exchange.rates.ExchangeMode;
import org.opsdesk.exchange.rates.Quotability;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.shared.Actor;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/** Pairs, rates, modes and the insert-only history over real HTTP and PostgreSQL, and the published RateBook. */
class RateApiIntegrationTests extends IntegrationTest {

    @Autowired
    RateBook rates;

    @BeforeEach
    void enableTheCurrencies() {
        for (String code : new String[] {
            "KES", "NGN", "GHS", "UGX", "TZS", "MAD", "PEN", "COP", "UYU", "ARS", "PKR", "LKR", "BDT", "NPR"
        }) {
            DeskApi.enable(api(), code);
        }
    }

    @Test
    void setsARateChangesItAndListsBothInTheHistoryNewestFirst() {
        var first = DeskApi.setRate(api(), "KES", "NGN", "4.2150", "4.3050");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("buy").asString()).isEqualTo("4.2150");
        assertThat(first.json().get("mode").asString()).isEqualTo("manual");
        assertThat(first.json().get("source").asString()).isEqualTo("manual");
        assertThat(first.json().get("stale").asBoolean()).isFalse();
        assertThat(first.json().get("quotable").asBoolean()).isTrue();
        clock().advance(Duration.ofMinutes(5));
        var second = DeskApi.setRate(api(), "KES", "NGN", "4.2200", "4.3100");
        assertThat(second.status()).isEqualTo(200);

        var listed = pair(api().get("/api/v1/exchange/rates").json().get("items"), "KES", "NGN");
        assertThat(listed.get("sell").asString()).isEqualTo("4.3100");
        assertThat(listed.get("updatedBy").asString()).isNotBlank();
        assertThat(Instant.parse(listed.get("updatedAt").asString()))
                .isAfter(Instant.parse(first.json().get("updatedAt").asString()));

        var history =
                api().get("/api/v1/exchange/rates/KES/NGN/history?limit=2").json();
        assertThat(history.get("items").get(0).get("buy").asString()).isEqualTo("4.2200");
        assertThat(history.get("items").get(1).get("buy").asString()).isEqualTo("4.2150");
        assertThat(history.get("items").get(0).get("source").asString()).isEqualTo("manual");
        assertThat(history.get("items").get(0).get("changedByKind").asString()).isEqualTo("api_key");
    }

    @Test
    void pagesTheHistoryByCursorAndRestrictsItToARange() {
        Instant start = clock().instant();
        for (int i = 1; i <= 5; i++) {
            clock().advance(Duration.ofHours(1));
            assertThat(DeskApi.setRate(api(), "GHS", "UGX", "1.2" + i, "1.3" + i)
                            .status())
                    .isEqualTo(200);
        }
        var firstPage =
                api().get("/api/v1/exchange/rates/GHS/UGX/history?limit=2").json();
        assertThat(firstPage.get("items").get(0).get("buy").asString()).isEqualTo("1.25");
        String cursor = firstPage.get("nextCursor").asString();
        var secondPage = api().get("/api/v1/exchange/rates/GHS/UGX/history?limit=2&cursor=" + cursor)
                .json();
        assertThat(secondPage.get("items").get(0).get("buy").asString()).isEqualTo("1.23");
        assertThat(secondPage.get("items").get(1).get("buy").asString()).isEqualTo("1.22");

        String from = start.plus(Duration.ofMinutes(90)).toString();
        String to = start.plus(Duration.ofMinutes(270)).toString();
        var ranged = api().get("/api/v1/exchange/rates/GHS/UGX/history?from=" + from + "&to=" + to)
                .json();
        assertThat(ranged.get("items").size()).isEqualTo(3);
        assertThat(ranged.get("items").get(0).get("buy").asString()).isEqualTo("1.24");
        assertThat(ranged.get("nextCursor").isNull()).isTrue();

        assertThat(field(api().get("/api/v1/exchange/rates/GHS/UGX/history?cursor=nonsense")))
                .isEqualTo("cursor");
        assertThat(field(api().get("/api/v1/exchange/rates/GHS/UGX/history?from=yesterday")))
                .isEqualTo("from");
        assertThat(field(api().get("/api/v1/exchange/rates/GHS/UGX/history?from=" + to + "&to=" + from)))
                .isEqualTo("to");
        assertThat(field(api().get("/api/v1/exchange/rates/GHS/UGX/history?limit=0")))
                .isEqualTo("limit");
        assertThat(api().get("/api/v1/exchange/rates/UGX/GHS/history").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/exchange/rates/ABC/GHS/history").status()).isEqualTo(404);
    }

    @Test
    void refusesEachBadRateNamingItsField() {
        assertThat(field(DeskApi.setRate(api(), "TZS", "MAD", "1.10", "1.10"))).isEqualTo("sell");
        assertThat(field(DeskApi.setRate(api(), "TZS", "MAD", "1.10", "1.05"))).isEqualTo("sell");
        assertThat(field(DeskApi.setRate(api(), "TZS", "MAD", "0", "1.05"))).isEqualTo("buy");
        assertThat(field(DeskApi.setRate(api(), "TZS", "MAD", "-1.00", "1.05"))).isEqualTo("buy");
        assertThat(field(DeskApi.setRate(api(), "TZS", "MAD", "1.00000000001", "1.2")))
                .isEqualTo("buy");
        assertThat(field(DeskApi.setRate(api(), "TZS", "MAD", "1.0", "1.2e1"))).isEqualTo("sell");
        assertThat(field(DeskApi.setRate(api(), "TZS", "MAD", "1.0", "1234567890123.5")))
                .isEqualTo("sell");
        assertThat(field(DeskApi.setRate(api(), "TZS", "MAD", "1.0", " "))).isEqualTo("sell");
        assertThat(field(api().put("/api/v1/exchange/rates/TZS/MAD", "{\"sell\":\"1.2\"}")))
                .isEqualTo("buy");
        assertThat(field(DeskApi.setRate(api(), "TZS", "TZS", "1.0", "1.2"))).isEqualTo("quote");
        assertThat(field(DeskApi.setRate(api(), "TND", "TZS", "1.0", "1.2"))).isEqualTo("base");
        assertThat(field(DeskApi.setRate(api(), "TZS", "TND", "1.0", "1.2"))).isEqualTo("quote");
        assertThat(field(api().put(
                                "/api/v1/exchange/rates/TZS/MAD",
                                "{\"buy\":\"1.0\",\"sell\":\"1.2\",\"mode\":\"fast\"}")))
                .isEqualTo("mode");
        assertThat(DeskApi.setRate(api(), "TZS", "QQQ", "1.0", "1.2").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/exchange/rates/TZS/MAD/history").status())
                .as("nothing half-stored: the pair has no rate")
                .isEqualTo(404);
    }

    @Test
    void setsThePairsModeWithTheRateOrOnItsOwn() {
        var created = api().put(
                        "/api/v1/exchange/rates/PEN/COP",
                        "{\"buy\":\"3.9000\",\"sell\":\"4.0000\",\"mode\":\"semi_automatic\"}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("mode").asString()).isEqualTo("semi_automatic");

        var changed = api().put("/api/v1/exchange/pairs/PEN/COP", "{\"mode\":\"automatic\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("mode").asString()).isEqualTo("automatic");
        assertThat(rates.current("PEN", "COP").orElseThrow().mode()).isEqualTo(ExchangeMode.AUTOMATIC);
        assertThat(jdbc.sql("select count(*) from exchange.pair_mode_change where base = 'PEN' and quote = 'COP'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);

        assertThat(field(api().put("/api/v1/exchange/pairs/PEN/COP", "{\"mode\":\"AUTO\"}")))
                .isEqualTo("mode");
        assertThat(api().put("/api/v1/exchange/pairs/COP/PEN", "{\"mode\":\"manual\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRateOlderThanTheMaximumAgeIsStaleAndAnyDisabledCurrencyStopsQuotes() {
        assertThat(DeskApi.setRate(api(), "UYU", "ARS", "0.0108", "0.0112").status())
                .isEqualTo(200);
        assertThat(rates.current("UYU", "ARS").orElseThrow().quotable()).isTrue();

        clock().advance(Duration.ofHours(25));
        var listed = pair(api().get("/api/v1/exchange/rates").json().get("items"), "UYU", "ARS");
        assertThat(listed.get("stale").asBoolean()).isTrue();
        assertThat(listed.get("quotable").asBoolean()).isFalse();
        assertThat(rates.current("UYU", "ARS").orElseThrow().quotability()).isEqualTo(Quotability.STALE);

        rates.set("UYU", "ARS", new BigDecimal("0.0109"), new BigDecimal("0.0113"), "ecb", Actor.system("ecb-test"));
        assertThat(rates.current("UYU", "ARS").orElseThrow().quotable()).isTrue();
        assertThat(rates.current("UYU", "ARS").orElseThrow().source()).isEqualTo("ecb");

        api().put("/api/v1/exchange/currencies/UYU", DeskApi.currency(false, null, null, null));
        assertThat(rates.current("UYU", "ARS").orElseThrow().quotability()).isEqualTo(Quotability.CURRENCY_DISABLED);
        assertThat(rates.current("ARS", "UYU")).isEmpty();
    }

    @Test
    void refusesCallersWithoutThePermission() {
        var viewer = apiWith(ExchangePermissions.VIEW);
        assertThat(viewer.get("/api/v1/exchange/rates").status()).isEqualTo(200);
        assertThat(DeskApi.setRate(viewer, "KES", "NGN", "0.85", "0.87").status())
                .isEqualTo(403);
        assertThat(viewer.put("/api/v1/exchange/pairs/KES/NGN", "{\"mode\":\"manual\"}")
                        .status())
                .isEqualTo(403);
        var stranger = apiWith("withdrawal:view");
        assertThat(stranger.get("/api/v1/exchange/rates").status()).isEqualTo(403);
        assertThat(stranger.get("/api/v1/exchange/rates/KES/NGN/history").status())
                .isEqualTo(403);
    }

    @Test
    void theRateHistoryIsInsertOnlyInTheDatabase() {
        assertThat(DeskApi.setRate(api(), "PKR", "LKR", "0.8500", "0.8700").status())
                .isEqualTo(200);
        assertThat(api().put("/api/v1/exchange/pairs/PKR/LKR", "{\"mode\":\"automatic\"}")
                        .status())
                .as("a mode change, so that its log has a row to refuse deleting")
                .isEqualTo(200);
        assertThatThrownBy(() -> jdbc.sql("update exchange.rate_change set buy = 0.1 where base = 'PKR'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from exchange.rate_change where base = 'PKR'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate exchange.rate_change").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () -> jdbc.sql("delete from exchange.pair_mode_change").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(api().get("/api/v1/exchange/rates/PKR/LKR/history")
                        .json()
                        .get("items")
                        .get(0)
                        .get("buy")
                        .asString())
                .isEqualTo("0.8500");
    }

    @Test
    void answersMalformedBodiesWithAProblemNever5xx() {
        String[] bodies = {
            "",
            "{",
            "[]",
            "null",
            "{\"buy\":[\"1\"],\"sell\":\"2\"}",
            "{\"buy\":{},\"sell\":\"2\"}",
            "{\"buy\":\"1\",\"sell\":\"2\",\"spread\":5}",
            "{\"buy\":\"" + "9".repeat(100) + "\",\"sell\":\"2\"}",
            "{\"buy\":\"1\\u0000\",\"sell\":\"2\"}",
            "{\"buy\":\"١٫٥\",\"sell\":\"2\"}"
        };
        for (String body : bodies) {
            var response = api().put("/api/v1/exchange/rates/BDT/NPR", body);
            assertThat(response.status()).as(body).isBetween(400, 499);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        }
        var numbers = api().put("/api/v1/exchange/currencies/BDT", "{\"enabled\":true,\"minAmount\":-1}");
        assertThat(numbers.status()).isBetween(400, 499);
        assertThat(api().get("/api/v1/exchange/rates/BDT/NPR/history").status())
                .as("nothing stored")
                .isEqualTo(404);
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").get(0).get("field").asString();
    }

    private static JsonNode pair(JsonNode items, String base, String quote) {
        for (JsonNode item : items) {
            if (item.get("base").asString().equals(base)
                    && item.get("quote").asString().equals(quote)) {
                return item;
            }
        }
        throw new AssertionError(base + "/" + quote + " not listed");
    }
}
