package org.opsdesk.workflow.loading;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A workflow definition file as written, before validation. Values stay strings so the validator can say
 * exactly which one is wrong.
 */
public record WorkflowFile(
        @Nullable String type,
        @Nullable String description,
        @Nullable String initialStage,
        @Nullable List<StageEntry> stages,
        @Nullable List<TransitionEntry> transitions) {

    public record StageEntry(
            @Nullable String code, @Nullable String status, @Nullable Boolean terminal, @Nullable String sla) {}

    /**
     * One transition entry; {@code fourEyes} is {@code true}, {@code false} or a list of tiers, read by {@link
     * FourEyesReader}.
     */
    public record TransitionEntry(
            @Nullable List<String> from,
            @Nullable String to,
            @Nullable String trigger,
            @Nullable String permission,
            @Nullable Boolean reasonRequired,
            @Nullable JsonNode fourEyes,
            @Nullable String after) {}
}
