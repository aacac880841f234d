package org.opsdesk.operations.lifecycle;

import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The free attributes of an operation: a JSON object of bounded size, edited with JSON Merge Patch (RFC 7396). */
final class Attributes {

    static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_DIGITS = 1000;

    private final JsonMapper json;

    Attributes(JsonMapper json) {
        this.json = json;
    }

    String validated(@Nullable JsonNode attributes) {
        if (attributes == null || attributes.isNull()) {
            return "{}";
        }
        if (!attributes.isObject()) {
            throw InvalidInput.of("attributes", "must be a JSON object");
        }
        checkValues(attributes, "attributes");
        String text = json.writeValueAsString(attributes);
        if (text.length() > MAX_BYTES) {
            throw InvalidInput.of("attributes", "must be at most " + MAX_BYTES + " bytes of JSON");
        }
        return text;
    }

    /**
     * PostgreSQL's jsonb refuses NUL characters and numbers beyond its numeric range; say so per field instead
     * of failing in the database.
     */
    private static void checkValues(JsonNode node, String path) {
        if (node.isString() && node.asString().indexOf('\u0000') >= 0) {
            throw InvalidInput.of(path, "text must not contain NUL characters");
        }
        if (node.isNumber()) {
            var number = node.decimalValue();
            if (Math.abs((long) number.precision() - number.scale()) > MAX_DIGITS
                    || Math.abs(number.scale()) > MAX_DIGITS) {
                throw InvalidInput.of(
                        path, "number out of range (at most " + MAX_DIGITS + " digits before or after the point)");
            }
        }
        for (var field : node.properties()) {
            if (field.getKey().indexOf('\u0000') >= 0) {
                throw InvalidInput.of(path, "member names must not contain NUL characters");
            }
            checkValues(field.getValue(), path + "." + field.getKey());
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkValues(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Applies a merge patch: members set to null are removed, objects merge recursively, the rest replaces. */
    String merge(String currentJson, JsonNode patch) {
        if (!patch.isObject()) {
            throw InvalidInput.of("attributes", "must be a JSON object (a merge patch)");
        }
        ObjectNode target = (ObjectNode) json.readTree(currentJson);
        return validated(merge(target, patch));
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target.isObject() ? (ObjectNode) target : JsonNodeFactory.instance.objectNode();
        for (var field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                JsonNode existing = result.get(field.getKey());
                result.set(
                        field.getKey(),
                        merge(existing == null ? JsonNodeFactory.instance.objectNode() : existing, field.getValue()));
            }
        }
        return result;
    }
}
