package org.opsdesk.workflow.loading;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;

/**
 * The stored form of a validated definition: every default filled in, one transition per (from, to). Its
 * canonical JSON identifies a version, so the same content always maps to the same version.
 */
public record WorkflowDocument(
        String type,
        String description,
        String initialStage,
        List<StageDocument> stages,
        List<TransitionDocument> transitions) {

    public record StageDocument(String code, Status status, boolean terminal, @Nullable String sla) {}

    public record TransitionDocument(
            String from,
            String to,
            Trigger trigger,
            String permission,
            boolean reasonRequired,
            boolean fourEyes,
            @Nullable String after) {}

    static WorkflowDocument of(WorkflowDefinition definition) {
        return new WorkflowDocument(
                definition.type(),
                definition.description(),
                definition.initialStage().code(),
                definition.stages().stream()
                        .map(s -> new StageDocument(s.code(), s.status(), s.terminal(), text(s.sla())))
                        .toList(),
                definition.transitions().stream()
                        .map(t -> new TransitionDocument(
                                t.from(),
                                t.to(),
                                t.trigger(),
                                t.permission(),
                                t.reasonRequired(),
                                t.fourEyes(),
                                text(t.after())))
                        .toList());
    }

    WorkflowDefinition toDefinition(int version) {
        return new WorkflowDefinition(
                type,
                version,
                description,
                initialStage,
                stages.stream()
                        .map(s -> new Stage(s.code(), s.status(), s.terminal(), duration(s.sla())))
                        .toList(),
                transitions.stream()
                        .map(t -> new Transition(
                                t.from(),
                                t.to(),
                                t.trigger(),
                                t.permission(),
                                t.reasonRequired(),
                                t.fourEyes(),
                                duration(t.after())))
                        .toList());
    }

    private static @Nullable String text(@Nullable Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static @Nullable Duration duration(@Nullable String text) {
        return text == null ? null : Duration.parse(text);
    }
}
