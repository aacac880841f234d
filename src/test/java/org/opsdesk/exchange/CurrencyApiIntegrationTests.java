package org.opsdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.ApiClient;
import org.opsdesk.support.IntegrationTest;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/** The desk's currencies over real HTTP and PostgreSQL: the dictionary, settings, each refusal, the change log. */
class CurrencyApiIntegrationTests extends IntegrationTest {

    @Test
    void listsEveryIsoCurrencyWithAMinorUnitAndTheCryptoAssetsWithTheirDigits() {
        var response = apiWith(ExchangePermissions.VIEW).get("/api/v1/exchange/currencies");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(items.size()).isGreaterThan(150);
        assertThat(item(items, "EUR").get("digits").asInt()).isEqualTo(2);
        assertThat(item(items, "EUR").get("name").asString()).isEqualTo("Euro");
        assertThat(item(items, "JPY").get("digits").asInt()).isZero();
        assertThat(item(items, "BTC").get("digits").asInt()).isEqualTo(8);
        assertThat(item(items, "BTC").get("crypto").asBoolean()).isTrue();
        assertThat(item(items, "AMD").get("paymentWindow").asString()).isEqualTo("PT15M");
        assertThat(StreamSupport.stream(items.spliterator(), false)
                        .map(i -> i.get("code").asString()))
                .doesNotContain("XAU", "XXX")
                .isSorted();
    }

    @Test
    void configuresACurrencyAndRecordsEveryChangeWithBeforeAndAfter() {
        var first = api().put("/api/v1/exchange/currencies/GEL", DeskApi.currency(true, "10", "25000.5", "PT30M"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("enabled").asBoolean()).isTrue();
        assertThat(first.json().get("minAmount").asString()).isEqualTo("10.00");
        assertThat(first.json().get("maxAmount").asString()).isEqualTo("25000.50");
        assertThat(first.json().get("paymentWindow").asString()).isEqualTo("PT30M");
        assertThat(first.json().get("updatedBy").asString()).isNotBlank();

        var second = api().put("/api/v1/exchange/currencies/GEL", DeskApi.currency(false, null, null, null));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("enabled").asBoolean()).isFalse();
        assertThat(second.json().get("minAmount").isNull()).isTrue();
        assertThat(second.json().get("paymentWindow").asString()).isEqualTo("PT15M");

        var listed = item(api().get("/api/v1/exchange/currencies").json().get("items"), "GEL");
        assertThat(listed.get("enabled").asBoolean()).isFalse();

        var log = jdbc.sql("select cast(before as text) as b, cast(after as text) as a from exchange.currency_change"
                        + " where code = 'GEL' order by id")
                .query((rs, n) -> new String[] {rs.getString("b"), rs.getString("a")})
                .list();
        assertThat(log).hasSizeGreaterThanOrEqualTo(2);
        var last = log.get(log.size() - 1);
        assertThat(last[0]).contains("\"enabled\": true").contains("\"minAmount\": \"10.00\"");
        assertThat(last[1]).contains("\"enabled\": false").contains("\"paymentWindow\": \"PT15M\"");
    }

    @Test
    void answers404ForACodeOutsideTheDictionary() {
        for (String code : new String[] {"XYZ", "eur", "XAU", "E"}) {
            var response = api().put("/api/v1/exchange/currencies/" + code, DeskApi.currency(true, null, null, null));
            assertThat(response.status()).as(code).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void refusesEachBadSettingNamingItsField() {
        refused("AMD", DeskApi.currency(true, "100", "50", null), "minAmount");
        refused("AMD", DeskApi.currency(true, "-1", null, null), "minAmount");
        refused("AMD", DeskApi.currency(true, null, "-5.00", null), "maxAmount");
        refused("AMD", DeskApi.currency(true, "1.005", null, null), "minAmount");
        refused("JPY", DeskApi.currency(true, null, "100.5", null), "maxAmount");
        refused("AMD", DeskApi.currency(true, "1e3", null, null), "minAmount");
        refused("AMD", DeskApi.currency(true, null, "0", null), "maxAmount");
        refused("AMD", DeskApi.currency(true, null, null, "15 minutes"), "paymentWindow");
        refused("AMD", DeskApi.currency(true, null, null, "PT30S"), "paymentWindow");
        refused("AMD", DeskApi.currency(true, null, null, "P8D"), "paymentWindow");
        refused("AMD", "{\"minAmount\":\"1.00\"}", "enabled");
        var malformed = api().put("/api/v1/exchange/currencies/AMD", "{\"enabled\":\"maybe\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        var nothing = jdbc.sql("select count(*) from exchange.currency_change where code = 'AMD'")
                .query(Long.class)
                .single();
        assertThat(nothing).as("nothing half-stored").isZero();
    }

    @Test
    void refusesCallersWithoutThePermission() {
        var viewer = apiWith(ExchangePermissions.VIEW);
        assertThat(viewer.put("/api/v1/exchange/currencies/MDL", DeskApi.currency(true, null, null, null))
                        .status())
                .isEqualTo(403);
        assertThat(apiWith("withdrawal:view").get("/api/v1/exchange/currencies").status())
                .isEqualTo(403);
    }

    @Test
    void theChangeLogRefusesUpdateDeleteAndTruncate() {
        DeskApi.enable(api(), "AZN");
        assertThatThrownBy(() -> jdbc.sql("update exchange.currency_change set actor_name = 'x' where code = 'AZN'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from exchange.currency_change where code = 'AZN'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate exchange.currency_change").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
    }

    private void refused(String code, String body, String field) {
        ApiClient.Response response = api().put("/api/v1/exchange/currencies/" + code, body);
        assertThat(response.status()).as(body).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString())
                .as(body)
                .isEqualTo(field);
    }

    static JsonNode item(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError(code + " not listed");
    }
}
