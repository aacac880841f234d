package org.opsdesk.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What an integrator misses in a successful JSON answer of the API description: an example, either for the answer
 * as a whole or for every property its schema reaches (through references, arrays, maps and nested objects), and
 * an answer-level example that its own schema accepts (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
final class ResponseExampleCheck {

    private static final String REF_PREFIX = "#/components/schemas/";
    private static final ObjectMapper JACKSON2 = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private ResponseExampleCheck() {}

    /** The defects of the answer {@code answer} (named for the message) whose media object is {@code media}. */
    static List<String> defects(String answer, JsonNode media, JsonNode schemas) {
        var defects = new ArrayList<String>();
        JsonNode schema = media.path("schema");
        JsonNode example = media.path("example");
        if (example.isMissingNode()) {
            var missing = new ArrayList<String>();
            unexemplified(schema, schemas, "answer", new HashSet<>(), missing);
            if (!missing.isEmpty()) {
                defects.add(answer + " has no example, nor do the properties " + missing);
            }
            return defects;
        }
        var standalone = JACKSON2.createObjectNode();
        standalone.setAll((com.fasterxml.jackson.databind.node.ObjectNode) jackson2(schema));
        standalone.putObject("components").set("schemas", jackson2(schemas));
        SCHEMAS.getSchema(standalone)
                .validate(jackson2(example))
                .forEach(error -> defects.add(answer + ": the example does not match its schema: " + error));
        return defects;
    }

    /** Collects into {@code missing} the properties below {@code schema} that have no example of their own. */
    private static void unexemplified(
            JsonNode schema, JsonNode schemas, String where, Set<String> path, List<String> missing) {
        if (!schema.path("example").isMissingNode() || !schema.path("enum").isMissingNode()) {
            return;
        }
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith(REF_PREFIX)) {
            String name = ref.substring(REF_PREFIX.length());
            if (path.add(name)) {
                unexemplified(schemas.path(name), schemas, name, path, missing);
                path.remove(name);
            }
            return;
        }
        if (schema.has("items")) {
            unexemplified(schema.path("items"), schemas, where + "[]", path, missing);
            return;
        }
        if (schema.path("additionalProperties").isObject()) {
            unexemplified(schema.path("additionalProperties"), schemas, where + "{}", path, missing);
            return;
        }
        if (!schema.has("properties")) {
            missing.add(where);
            return;
        }
        schema.path("properties")
                .properties()
                .forEach(property ->
                        unexemplified(property.getValue(), schemas, where + "." + property.getKey(), path, missing));
    }

    private static com.fasterxml.jackson.databind.JsonNode jackson2(JsonNode node) {
        try {
            return JACKSON2.readTree(node.toString());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalStateException("the served document is not JSON", e);
        }
    }
}
