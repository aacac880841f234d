package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResponseExampleCheckTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode SCHEMAS = JSON.readTree(
            """
            {"Amount": {"type": "object", "properties": {
                "value": {"type": "string", "pattern": "^[0-9]+\\\\.[0-9]{2}$"},
                "currency": {"type": "string", "enum": ["EUR", "USD"]}}},
             "Page": {"type": "object", "properties": {
                "items": {"type": "array", "items": {"$ref": "#/components/schemas/Amount"}},
                "total": {"type": "integer"}}}}""");

    @Test
    void acceptsAnExampleItsSchemaAccepts() {
        assertThat(check("""
                {"items": [{"value": "1250.00", "currency": "EUR"}], "total": 1}"""))
                .isEmpty();
    }

    @Test
    void refusesAnExampleOfTheWrongTypeEnumOrPattern() {
        assertThat(
                        check(
                                """
                        {"items": [{"value": "1250", "currency": "XXX"}], "total": "one"}"""))
                .hasSize(3)
                .allMatch(defect -> defect.contains("does not match its schema"));
    }

    @Test
    void namesThePropertiesWithoutExampleWhenTheAnswerHasNone() {
        var media = JSON.readTree("{\"schema\": {\"$ref\": \"#/components/schemas/Page\"}}");

        assertThat(ResponseExampleCheck.defects("GET /x: answer 200", media, SCHEMAS))
                .singleElement()
                .asString()
                .contains("Amount.value")
                .contains("Page.total")
                .doesNotContain("currency");
    }

    private static java.util.List<String> check(String example) {
        var media =
                JSON.readTree("{\"schema\": {\"$ref\": \"#/components/schemas/Page\"}, \"example\": " + example + "}");
        return ResponseExampleCheck.defects("GET /x: answer 200", media, SCHEMAS);
    }
}
