package org.opsdesk.workflow.loading;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opsdesk.workflow.FourEyesPolicy;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Status;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;
import tools.jackson.databind.JsonNode;

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
            FourEyesDocument fourEyes,
            @Nullable String after) {}

    /**
     * A four-eyes policy as stored: {@code false} (none), {@code true} (one checker, always) or a list of tiers
     * {@code [{"above": {"EUR": "1000.00"}, "approvals": 1}, ...]}. Versions stored before tiers existed hold the
     * booleans, which read as before, and definitions without tiers keep their content (and so their version).
     */
    public record FourEyesDocument(FourEyesPolicy policy) {

        public record TierDocument(Map<String, String> above, int approvals) {}

        @JsonValue
        Object json() {
            if (!policy.isActive()) {
                return false;
            }
            if (policy.isAlwaysOne()) {
                return true;
            }
            return policy.tiers().stream()
                    .map(tier -> {
                        var above = new TreeMap<String, String>();
                        tier.above().forEach((code, amount) -> above.put(code, amount.toPlainString()));
                        return new TierDocument(above, tier.approvals());
                    })
                    .toList();
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static FourEyesDocument of(JsonNode json) {
            if (json.isBoolean()) {
                return new FourEyesDocument(json.booleanValue() ? FourEyesPolicy.always() : FourEyesPolicy.none());
            }
            if (!json.isArray()) {
                throw new IllegalStateException("stored fourEyes is neither a boolean nor a list of tiers: " + json);
            }
            var tiers = new ArrayList<FourEyesPolicy.Tier>();
            for (JsonNode tier : json) {
                var above = new TreeMap<String, BigDecimal>();
                JsonNode thresholds = tier.path("above");
                for (String code : thresholds.propertyNames()) {
                    above.put(code, new BigDecimal(thresholds.get(code).asString()));
                }
                tiers.add(new FourEyesPolicy.Tier(above, tier.path("approvals").intValue()));
            }
            return new FourEyesDocument(new FourEyesPolicy(tiers));
        }
    }

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
                                new FourEyesDocument(t.fourEyes()),
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
                                t.fourEyes().policy(),
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
