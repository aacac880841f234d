package org.opsdesk.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives each successful JSON answer of the API description an example composed from its schema: every property
 * takes its value from, in order, the property's own {@code @Schema(example)}, {@code openapi/response-examples.json}
 * ({@code "Schema.property"} before a plain {@code "property"}), its first enum value, or — for a reference, an
 * array or an object — the composition of what it holds; a {@code "Schema.property": null} leaves an optional
 * property out where a value would contradict the story. The values live in one JSON file so that the answers
 * tell one consistent story (one operation, one client, one approval request). An answer whose schema has a
 * property none of these covers gets no example, and OpenApiDocumentIntegrationTests names the property.
 */
final class ResponseExamples implements OpenApiCustomizer {

    static final String LOCATION = "openapi/response-examples.json";
    private static final String JSON = "application/json";
    private static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> values;

    ResponseExamples(JsonMapper json) {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            values = json.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }

    @Override
    public void customise(OpenAPI document) {
        if (document.getPaths() == null || document.getComponents() == null) {
            return;
        }
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        document.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getResponses() == null) {
                return;
            }
            operation.getResponses().forEach((status, response) -> {
                MediaType media = json(status, response);
                if (media != null && media.getExample() == null && media.getExamples() == null) {
                    compose(media.getSchema(), schemas, null, null, new HashSet<>())
                            .ifPresent(media::setExample);
                }
            });
        }));
    }

    /**
     * A property the file maps to {@code null} is left out of the example: an optional one that would contradict
     * the story (a decline reason on an approved request).
     */
    private boolean omitted(String owner, String property) {
        String key = owner + "." + property;
        return values.containsKey(key) && values.get(key) == null;
    }

    private static MediaType json(String status, ApiResponse response) {
        if (!status.startsWith("2") || response.getContent() == null) {
            return null;
        }
        return response.getContent().get(JSON);
    }

    /**
     * The example of {@code schema}, the property {@code property} of the component {@code owner} (both null at
     * the answer's root), or empty when some property below it has no example.
     */
    private Optional<Object> compose(
            Schema<?> schema, Map<String, Schema> schemas, String owner, String property, Set<String> path) {
        if (schema == null) {
            return Optional.empty();
        }
        if (schema.getExample() != null) {
            return Optional.of(schema.getExample());
        }
        if (property != null) {
            Object value = values.get(owner + "." + property);
            if (value == null && schema.get$ref() == null) {
                value = values.get(property);
            }
            if (value != null) {
                return Optional.of(value);
            }
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return Optional.of(schema.getEnum().get(0));
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(REF_PREFIX.length());
            if (!path.add(name)) {
                return Optional.empty();
            }
            try {
                return compose(schemas.get(name), schemas, name, null, path);
            } finally {
                path.remove(name);
            }
        }
        if (schema.getItems() != null) {
            return compose(schema.getItems(), schemas, owner, null, path).map(List::of);
        }
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return Optional.empty();
        }
        var example = new LinkedHashMap<String, Object>();
        for (var entry : schema.getProperties().entrySet()) {
            if (omitted(owner, entry.getKey())) {
                continue;
            }
            var value = compose(entry.getValue(), schemas, owner, entry.getKey(), path);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            example.put(entry.getKey(), value.get());
        }
        return Optional.of(example);
    }
}
