package org.opsdesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ResponseExamplesTests {

    private final ResponseExamples examples =
            new ResponseExamples(JsonMapper.builder().build());

    @Test
    void composesTheAnswerFromTheFileThroughReferencesAndArraysLeavingOutWhatItMapsToNull() {
        var media = answer(new Schema<>().$ref("#/components/schemas/ApprovalPage"));
        var approval = new ObjectSchema()
                .addProperty("id", new StringSchema().format("uuid"))
                .addProperty("operationId", new StringSchema().format("uuid"))
                .addProperty("declineReason", new StringSchema())
                .addProperty("amount", new Schema<>().$ref("#/components/schemas/AmountBody"));
        var document = document(
                media,
                Map.of(
                        "ApprovalPage",
                        new ObjectSchema()
                                .addProperty(
                                        "items",
                                        new ArraySchema()
                                                .items(new Schema<>().$ref("#/components/schemas/ApprovalResponse")))
                                .addProperty("nextCursor", new StringSchema()),
                        "ApprovalResponse",
                        approval,
                        "AmountBody",
                        new ObjectSchema()
                                .addProperty("value", new StringSchema())
                                .addProperty("currency", new StringSchema())));

        examples.customise(document);

        @SuppressWarnings("unchecked")
        var page = (Map<String, Object>) media.getExample();
        assertThat(page).containsKeys("items", "nextCursor");
        @SuppressWarnings("unchecked")
        var item = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertThat(item)
                .containsEntry("id", "7a1e4b2c-9d3f-4e5a-8b6c-1d2e3f4a5b6c")
                .containsEntry("operationId", "3f6c2a9e-8b1d-4c7a-9e2f-5a4b3c2d1e0f")
                .containsEntry("amount", Map.of("value", "1250.00", "currency", "EUR"))
                .doesNotContainKey("declineReason");
    }

    @Test
    void prefersTheSchemasOwnExampleAndElseItsFirstEnumValue() {
        var media = answer(new ObjectSchema()
                .addProperty("reference", new StringSchema().example("WD-1"))
                .addProperty("grade", new StringSchema()._enum(List.of("A", "B"))));

        examples.customise(document(media, Map.of()));

        assertThat(media.getExample()).isEqualTo(Map.of("reference", "WD-1", "grade", "A"));
    }

    @Test
    void givesNoExampleWhenAPropertyHasNone() {
        var media = answer(new ObjectSchema()
                .addProperty("reference", new StringSchema())
                .addProperty("unheardOf", new StringSchema()));

        examples.customise(document(media, Map.of()));

        assertThat(media.getExample()).isNull();
    }

    private static MediaType answer(Schema<?> schema) {
        return new MediaType().schema(schema);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static OpenAPI document(MediaType media, Map<String, ? extends Schema> schemas) {
        var operation = new Operation()
                .responses(new ApiResponses()
                        .addApiResponse(
                                "200",
                                new ApiResponse().content(new Content().addMediaType("application/json", media))));
        return new OpenAPI()
                .paths(new Paths().addPathItem("/x", new PathItem().get(operation)))
                .components(new Components().schemas((Map) new java.util.LinkedHashMap<>(schemas)));
    }
}
