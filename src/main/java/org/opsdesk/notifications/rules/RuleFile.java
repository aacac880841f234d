package org.opsdesk.notifications.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A notification rules file as written, before validation: values stay strings so errors can name them. */
public record RuleFile(@Nullable List<RuleEntry> rules) {

    /**
     * One rule as written. {@code types} is a list of operation types or {@code ["*"]} for every type; exactly one
     * of {@code stage}, {@code status}, {@code anyChange} and {@code attributes} says which changes it applies to.
     * A rule in the override directory with a shipped rule's {@code id} replaces it ({@code enabled: false} turns
     * it off).
     */
    public record RuleEntry(
            @Nullable String id,
            @Nullable List<String> types,
            @Nullable String stage,
            @Nullable String status,
            @Nullable Boolean anyChange,
            @Nullable List<String> attributes,
            @Nullable String audience,
            @Nullable String channel,
            @Nullable String role,
            @Nullable String template,
            @Nullable String mode,
            @Nullable Boolean enabled) {}
}
