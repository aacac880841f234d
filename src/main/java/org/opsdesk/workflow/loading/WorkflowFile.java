package org.opsdesk.workflow.loading;

import java.util.List;
import org.jspecify.annotations.Nullable;

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

    public record TransitionEntry(
            @Nullable List<String> from,
            @Nullable String to,
            @Nullable String trigger,
            @Nullable String permission,
            @Nullable Boolean reasonRequired,
            @Nullable Boolean fourEyes,
            @Nullable String after) {}
}
