package org.opsdesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsdesk.support.IntegrationTest;

/**
 * Bad input to the actions API: every case answers a 4xx {@code application/problem+json} naming the field (for
 * field errors) and stores nothing; none is a 5xx.
 */
class ActionBadInputIntegrationTests extends IntegrationTest {

    private static final String SUSPEND = "test-widget.suspend";

    static Stream<Arguments> cases() {
        return Stream.of(
                field(SUSPEND, "{\"input\":{\"until\":\"31/01/2027\"},\"reason\":\"r\"}", "input.until"),
                field(SUSPEND, "{\"input\":{\"until\":\"2027-02-30\"},\"reason\":\"r\"}", "input.until"),
                field(SUSPEND, "{\"input\":{\"until\":20270131},\"reason\":\"r\"}", "input.until"),
                field(
                        SUSPEND,
                        "{\"input\":{\"note\":\"far too long a note for this\"},\"reason\":\"r\"}",
                        "input.note"),
                field(SUSPEND, "{\"input\":{\"note\":\"UPPER\"},\"reason\":\"r\"}", "input.note"),
                field(SUSPEND, "{\"input\":{\"note\":42},\"reason\":\"r\"}", "input.note"),
                field(SUSPEND, "{\"input\":{\"count\":0},\"reason\":\"r\"}", "input.count"),
                field(SUSPEND, "{\"input\":{\"count\":6},\"reason\":\"r\"}", "input.count"),
                field(SUSPEND, "{\"input\":{\"count\":1.5},\"reason\":\"r\"}", "input.count"),
                field(SUSPEND, "{\"input\":{\"count\":\"2\"},\"reason\":\"r\"}", "input.count"),
                field(SUSPEND, "{\"input\":{\"level\":\"medium\"},\"reason\":\"r\"}", "input.level"),
                field(SUSPEND, "{\"input\":{\"urgent\":\"yes\"},\"reason\":\"r\"}", "input.urgent"),
                field(SUSPEND, "{\"input\":{\"email\":\"not-an-email\"},\"reason\":\"r\"}", "input.email"),
                field(SUSPEND, "{\"input\":{\"phone\":\"11 98765-4321\"},\"reason\":\"r\"}", "input.phone"),
                field(SUSPEND, "{\"input\":{\"cpf\":\"529.982.247-26\"},\"reason\":\"r\"}", "input.cpf"),
                field(SUSPEND, "{\"input\":{\"cpf\":\"1234\"},\"reason\":\"r\"}", "input.cpf"),
                field(SUSPEND, "{\"input\":{\"ratio\":\"1.5\"},\"reason\":\"r\"}", "input.ratio"),
                field(SUSPEND, "{\"input\":{\"ratio\":\"abc\"},\"reason\":\"r\"}", "input.ratio"),
                field(SUSPEND, "{\"input\":{\"pixKey\":\"not a key\"},\"reason\":\"r\"}", "input.pixKey"),
                field(SUSPEND, "{\"input\":{\"colour\":\"red\"},\"reason\":\"r\"}", "input.colour"),
                field(SUSPEND, "{\"input\":[1,2],\"reason\":\"r\"}", "input"),
                field(SUSPEND, "{\"input\":{}}", "reason"),
                field(SUSPEND, "{\"input\":{},\"reason\":\"line\\u0000break\"}", "reason"),
                field("test-widget.pay", "{\"input\":{},\"reason\":\"r\"}", "input.amount"),
                field("test-widget.pay", "{\"input\":{\"amount\":\"10.00\"},\"reason\":\"r\"}", "input.amount"),
                field(
                        "test-widget.pay",
                        "{\"input\":{\"amount\":{\"value\":\"10.00\",\"currency\":\"EUR\"}},\"reason\":\"r\"}",
                        "input.amount.currency"),
                field(
                        "test-widget.pay",
                        "{\"input\":{\"amount\":{\"value\":\"10.001\",\"currency\":\"BRL\"}},\"reason\":\"r\"}",
                        "input.amount.value"),
                field(
                        "test-widget.pay",
                        "{\"input\":{\"amount\":{\"value\":\"-5\",\"currency\":\"BRL\"}},\"reason\":\"r\"}",
                        "input.amount.value"),
                field("test-widget.close", "{\"reason\":\"r\"}", "confirm"),
                Arguments.of(SUSPEND, "{\"input\":{\"until\":", 400, null),
                Arguments.of(SUSPEND, "not json", 400, null),
                Arguments.of("test-widget.unknown", "{\"reason\":\"r\"}", 404, null),
                Arguments.of("operator.create", "{\"reason\":\"r\"}", 404, null),
                Arguments.of("test-widget.create", "{\"input\":{\"name\":\"x\"},\"reason\":\"r\"}", 404, null));
    }

    private static Arguments field(String action, String body, String field) {
        return Arguments.of(action, body, 422, field);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("cases")
    void answersAProblemNamingTheFieldAndStoresNothing(String action, String body, int status, String field) {
        var widget = TestWidgets.widget("active");
        long before = jdbc.sql("select count(*) from actions.invocation")
                .query(Long.class)
                .single();
        var answer = api().post("/api/v1/test-widgets/" + widget.id() + "/actions/" + action, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(answer.json().get("errors").toString()).contains("\"field\":\"" + field + "\"");
        }
        assertThat(jdbc.sql("select count(*) from actions.invocation")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(TestWidgets.WIDGETS.get(widget.id()).state()).isEqualTo("active");
    }

    @org.junit.jupiter.api.Test
    void namesEveryBadFieldAtOnce() {
        var widget = TestWidgets.widget("active");
        var answer = api().post(
                        "/api/v1/test-widgets/" + widget.id() + "/actions/" + SUSPEND,
                        "{\"input\":{\"count\":9,\"level\":\"x\",\"email\":\"no\",\"colour\":1},\"reason\":\"r\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").toString())
                .contains("input.count", "input.level", "input.email", "input.colour");
    }
}
