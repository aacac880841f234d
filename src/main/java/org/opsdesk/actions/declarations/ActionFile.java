package org.opsdesk.actions.declarations;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An {@code actions/*.yaml} file as written, before validation: a top-level {@code actions} list. Values stay as
 * written so the validator can say exactly which one is wrong.
 */
public record ActionFile(@Nullable List<Entry> actions) {

    /** One declared action, or an entry for an existing endpoint ({@code endpoint} and {@code permission}). */
    public record Entry(
            @Nullable String id,
            @Nullable String category,
            @Nullable String family,
            @Nullable String target,
            @Nullable Boolean creates,
            @Nullable String safeguard,
            @Nullable JsonNode fourEyes,
            @Nullable String amountField,
            @Nullable String provider,
            @Nullable List<String> availableIn,
            @Nullable Map<String, String> after,
            @Nullable List<String> roles,
            @Nullable String reason,
            @Nullable List<FieldEntry> input,
            @Nullable EndpointEntry endpoint,
            @Nullable String permission) {}

    /** One input field as written. */
    public record FieldEntry(
            @Nullable String name,
            @Nullable String type,
            @Nullable Boolean required,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            @Nullable String pattern,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            @Nullable List<String> currencies,
            @Nullable List<String> values,
            @Nullable Long maxBytes,
            @Nullable List<String> contentTypes) {}

    /** The existing endpoint of a listed-only entry. */
    public record EndpointEntry(@Nullable String method, @Nullable String path) {}
}
