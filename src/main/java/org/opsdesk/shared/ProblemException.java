package org.opsdesk.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A refusal that the caller can act on. The single problem advice maps each one to an RFC 9457 response with
 * this status, a type URI built from {@link #slug()}, the title, the detail, the field errors and any extra
 * properties (such as the current stage and version of an operation).
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    protected ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    protected ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    /** Adds a property to the problem body, such as the current stage the caller should know about. */
    public final ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /**
     * One invalid field: its JSON path (e.g. {@code amount.value}) and why, in English (what the API answers). A
     * check may also name the reason's message key and its arguments, so that a console shows it in the operator's
     * language; the API's problem body carries only the field and the English message.
     */
    public record FieldError(String field, String message, @Nullable String messageKey, List<String> arguments) {

        public FieldError {
            arguments = List.copyOf(arguments);
        }

        /** A reason without a message key (shown as it is worded). */
        public FieldError(String field, String message) {
            this(field, message, null, List.of());
        }
    }
}
