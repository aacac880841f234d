package org.opsdesk.portal.registration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong with a form, field by field, as message keys of the portal bundle (with their arguments), so that
 * each error shows beside its field in the client's language. The first error of a field wins.
 */
public final class FieldErrors {

    /** One field's error: a message key of {@code i18n/portal} and the values it names. */
    public record Error(String key, Object[] args) {}

    private final Map<String, Error> errors = new LinkedHashMap<>();

    public void add(String field, String key, Object... args) {
        errors.putIfAbsent(field, new Error(key, args));
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** For the templates: field name to its error. */
    public Map<String, Error> asMap() {
        return Map.copyOf(errors);
    }
}
