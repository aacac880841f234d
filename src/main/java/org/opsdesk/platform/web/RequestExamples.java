package org.opsdesk.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives each request body of the API description its example: {@code openapi/examples/<operationId>.json} on
 * the class path, a plain JSON file, so examples are read and reviewed as JSON rather than as escaped strings in
 * annotations. The linters check every example against its schema.
 */
final class RequestExamples implements OperationCustomizer {

    static final String LOCATION = "classpath*:openapi/examples/*.json";

    private final Map<String, Object> examples = new HashMap<>();

    RequestExamples(JsonMapper json) {
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String name = String.valueOf(resource.getFilename());
                try (InputStream in = resource.getInputStream()) {
                    examples.put(name.substring(0, name.length() - ".json".length()), json.readValue(in, Object.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API description's examples", e);
        }
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Object example = examples.get(operation.getOperationId());
        if (example != null
                && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            for (MediaType media : operation.getRequestBody().getContent().values()) {
                media.setExample(example);
            }
        }
        return operation;
    }
}
