package org.opsdesk.registry.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionRefused;

/**
 * Reads the result a provider answered for a registry action, field by field. A result that lacks what the action
 * needs refuses the action with the field named — an unusable answer is never taken for a success.
 */
public final class ProviderResults {

    private ProviderResults() {}

    public static String text(@Nullable Map<String, Object> result, String field) {
        return optionalText(result, field).orElseThrow(() -> missing(field));
    }

    public static Optional<String> optionalText(@Nullable Map<String, Object> result, String field) {
        @Nullable Object value = result == null ? null : result.get(field);
        return value == null || value.toString().isBlank()
                ? Optional.empty()
                : Optional.of(value.toString().strip());
    }

    /** An amount the provider wrote as a JSON number or as text. */
    public static BigDecimal amount(Map<String, Object> result, String field) {
        String text = text(result, field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ActionRefused("the provider's answer has '" + text + "' as " + field + ", not an amount");
        }
    }

    /** When the provider says it read what it answers, if it says so (ISO-8601). */
    public static Optional<Instant> instant(@Nullable Map<String, Object> result, String field) {
        return optionalText(result, field).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new ActionRefused("the provider's answer has '" + text + "' as " + field + ", not a time");
            }
        });
    }

    /** A list of objects; absent reads as empty only when {@code required} is false. */
    public static List<Map<String, Object>> objects(
            @Nullable Map<String, Object> result, String field, boolean required) {
        @Nullable Object value = result == null ? null : result.get(field);
        if (value == null) {
            if (required) {
                throw missing(field);
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ActionRefused("the provider's answer has no list as " + field);
        }
        var objects = new ArrayList<Map<String, Object>>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new ActionRefused("the provider's answer lists something else than objects in " + field);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            objects.add(object);
        }
        return objects;
    }

    private static ActionRefused missing(String field) {
        return new ActionRefused("the provider's answer has no " + field);
    }
}
