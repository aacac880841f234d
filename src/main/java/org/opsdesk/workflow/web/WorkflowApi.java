package org.opsdesk.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.workflow.FourEyesPolicy;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.WorkflowPermissions;
import org.opsdesk.workflow.Workflows;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of the workflow definitions in force, for integrators building their own screens. */
@Tag(name = "Workflows")
@RestController
@RequiresPermission(WorkflowApi.VIEW)
@RequestMapping(path = "/api/v1/workflows", produces = "application/json")
class WorkflowApi {

    static final String VIEW = WorkflowPermissions.VIEW;

    private final Workflows workflows;

    WorkflowApi(Workflows workflows) {
        this.workflows = workflows;
    }

    @GetMapping
    @Operation(
            operationId = "listWorkflows",
            summary = "List workflow definitions",
            description = "Every workflow in force: stages, transitions, their permissions and four-eyes policies.")
    @ApiResponse(
            responseCode = "200",
            description = "The workflows.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.WorkflowList.class)))
    Map<String, List<WorkflowResponse>> list(Actor actor) {
        requireView(actor);
        return Map.of(
                "items", workflows.all().stream().map(WorkflowResponse::of).toList());
    }

    @GetMapping("/{type}")
    @Operation(
            operationId = "getWorkflow",
            summary = "Read a workflow definition",
            description = "The workflow in force for one operation type.")
    WorkflowResponse get(@PathVariable String type, Actor actor) {
        requireView(actor);
        return workflows.current(type).map(WorkflowResponse::of).orElseThrow(() -> new NotFound("workflow", type));
    }

    private static void requireView(Actor actor) {
        if (!actor.may(VIEW)) {
            throw new PermissionDenied(VIEW);
        }
    }

    record WorkflowResponse(
            String type,
            int version,
            String description,
            String initialStage,
            List<StageResponse> stages,
            List<TransitionResponse> transitions) {
        static WorkflowResponse of(WorkflowDefinition d) {
            return new WorkflowResponse(
                    d.type(),
                    d.version(),
                    d.description(),
                    d.initialStage().code(),
                    d.stages().stream().map(StageResponse::of).toList(),
                    d.transitions().stream().map(TransitionResponse::of).toList());
        }
    }

    record StageResponse(String code, String status, boolean terminal, @Nullable String sla) {
        static StageResponse of(Stage s) {
            return new StageResponse(
                    s.code(),
                    s.status().name(),
                    s.terminal(),
                    s.sla() == null ? null : s.sla().toString());
        }
    }

    /**
     * @param fourEyes whether some operations need approval before this move applies
     * @param fourEyesTiers the policy: the required approvals are the highest of the tiers that apply; a tier
     *     applies when the amount is strictly above its threshold for the operation's currency, when it has no
     *     thresholds, or when the operation has no amount or a currency the tier does not list
     */
    record TransitionResponse(
            String from,
            String to,
            String trigger,
            String permission,
            boolean reasonRequired,
            boolean fourEyes,
            List<TierResponse> fourEyesTiers,
            @Nullable String after) {
        static TransitionResponse of(Transition t) {
            return new TransitionResponse(
                    t.from(),
                    t.to(),
                    t.trigger().code(),
                    t.permission(),
                    t.reasonRequired(),
                    t.fourEyes().isActive(),
                    t.fourEyes().tiers().stream().map(TierResponse::of).toList(),
                    t.after() == null ? null : t.after().toString());
        }
    }

    /** @param above threshold per currency as decimal strings; empty when the tier applies to every amount */
    record TierResponse(Map<String, String> above, int approvals) {
        static TierResponse of(FourEyesPolicy.Tier tier) {
            var above = new java.util.TreeMap<String, String>();
            tier.above().forEach((code, amount) -> above.put(code, amount.toPlainString()));
            return new TierResponse(above, tier.approvals());
        }
    }
}
