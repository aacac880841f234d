package org.opsdesk.actions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Money;

/**
 * An invocation's input after the catalog checked it against the action's declared fields (types, required,
 * lengths, patterns, ranges): handlers read typed values and never re-parse text. Absent optional fields are
 * absent from {@link #values()}.
 *
 * @param values field name → value: {@link String}, {@link Long}, {@link BigDecimal}, {@link Boolean}, {@link
 *     LocalDate}, {@link Money} or {@link Upload}, as the field's declared type says
 */
public record ActionInput(Map<String, Object> values) {

    public ActionInput {
        values = Map.copyOf(values);
    }

    public static ActionInput empty() {
        return new ActionInput(Map.of());
    }

    public Optional<String> text(String field) {
        return typed(field, String.class);
    }

    public Optional<Long> integer(String field) {
        return typed(field, Long.class);
    }

    public Optional<BigDecimal> decimal(String field) {
        return typed(field, BigDecimal.class);
    }

    public Optional<Boolean> flag(String field) {
        return typed(field, Boolean.class);
    }

    public Optional<LocalDate> date(String field) {
        return typed(field, LocalDate.class);
    }

    public Optional<Money> money(String field) {
        return typed(field, Money.class);
    }

    public Optional<Upload> upload(String field) {
        return typed(field, Upload.class);
    }

    private <T> Optional<T> typed(String field, Class<T> type) {
        @Nullable Object value = values.get(field);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /**
     * An uploaded file after the catalog's checks: within the declared size, its content type sniffed from its
     * bytes (never the client's claim) and among the declared ones.
     */
    public record Upload(String fileName, String contentType, byte[] content) {
        public Upload {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
