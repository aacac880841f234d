package org.opsdesk.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the {@code @Pattern}s springdoc copies into schemas mean in the document what they mean in Java. Bean
 * Validation matches the whole value and speaks Java's regex dialect; a JSON Schema {@code pattern} is an
 * ECMA-262 regex that may match anywhere. So each pattern is anchored, and the POSIX classes we use, which
 * ECMA-262 lacks, become their ASCII ranges ({@code \p{Cntrl}}, {@code \p{Graph}}).
 */
final class SchemaPatterns implements OpenApiCustomizer {

    private static final Map<String, String> CLASSES = Map.of(
            "\\p{Cntrl}", "\\x00-\\x1F\\x7F",
            "\\p{Graph}", "\\x21-\\x7E");

    @Override
    public void customise(OpenAPI document) {
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (document.getComponents() != null && document.getComponents().getSchemas() != null) {
            document.getComponents().getSchemas().values().forEach(schema -> fix(schema, seen));
        }
        if (document.getPaths() != null) {
            document.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> fix(parameter.getSchema(), seen));
                }
            }));
        }
    }

    private static void fix(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getPattern() != null) {
            schema.setPattern(ecma(schema.getPattern()));
        }
        children(schema.getProperties() == null ? null : schema.getProperties().values(), seen);
        children(schema.getAllOf(), seen);
        children(schema.getAnyOf(), seen);
        children(schema.getOneOf(), seen);
        fix(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            fix(additional, seen);
        }
    }

    private static void children(Collection<? extends Schema> schemas, Set<Schema<?>> seen) {
        if (schemas != null) {
            schemas.forEach(child -> fix(child, seen));
        }
    }

    /** The Java pattern as an anchored ECMA-262 one that accepts the same strings. */
    static String ecma(String java) {
        var out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            String posix = posixAt(java, i);
            if (posix != null) {
                String range = CLASSES.get(posix);
                out.append(inClass ? range : "[" + range + "]");
                i += posix.length() - 1;
            } else if (c == '\\' && i + 1 < java.length()) {
                out.append(c).append(java.charAt(++i));
            } else {
                inClass = c == '[' || (inClass && c != ']');
                out.append(c);
            }
        }
        String pattern = out.toString();
        return pattern.startsWith("^") && pattern.endsWith("$") ? pattern : "^(?:" + pattern + ")$";
    }

    private static String posixAt(String pattern, int index) {
        for (String posix : CLASSES.keySet()) {
            if (pattern.startsWith(posix, index)) {
                return posix;
            }
        }
        return null;
    }
}
