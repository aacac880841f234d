package org.opsdesk.actions.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionOutcome;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.workflow.FourEyesPolicy;
import org.opsdesk.workflow.Status;

/** The answers of the actions API. */
final class ActionResponses {

    private ActionResponses() {}

    /** An invocation: its operation, the record, and the four-eyes request it waits on, if any. */
    record Invoked(
            InvocationOperation operation, InvocationTarget target, @Nullable InvocationApproval approvalRequest) {
        static Invoked of(ActionOutcome outcome) {
            var operation = outcome.operation();
            ApprovalRequest approval = outcome.approval();
            return new Invoked(
                    new InvocationOperation(operation.id(), operation.type(), operation.stage(), operation.status()),
                    new InvocationTarget(outcome.targetKind(), outcome.targetId()),
                    approval == null
                            ? null
                            : new InvocationApproval(
                                    approval.id(),
                                    approval.requiredApprovals(),
                                    approval.state().name()));
        }
    }

    record InvocationOperation(UUID id, String type, String stage, Status status) {}

    record InvocationTarget(String kind, @Nullable String id) {}

    record InvocationApproval(UUID id, int requiredApprovals, String state) {}

    /** The catalog's entries. */
    record ActionList(List<ActionEntry> items) {}

    /**
     * One catalog entry.
     *
     * @param fourEyes {@code false}, {@code true}, {@code handler} or the tiers as the declarations write them
     * @param endpoint for an entry standing for an existing endpoint: its method and path
     */
    record ActionEntry(
            String id,
            String category,
            String permission,
            @Nullable String target,
            @Nullable String collection,
            boolean creates,
            @Nullable String safeguard,
            Object fourEyes,
            @Nullable String amountField,
            boolean provider,
            List<String> availableIn,
            Map<String, String> after,
            boolean reasonRequired,
            List<ActionField> input,
            @Nullable ActionEndpoint endpoint) {

        static ActionEntry of(ActionDefinition d) {
            return new ActionEntry(
                    d.id(),
                    d.category(),
                    d.permission(),
                    d.target(),
                    d.target() == null ? null : ActionDefinition.collectionOf(d.target()),
                    d.creates(),
                    d.isEndpoint() ? null : d.irreversible() ? "irreversible" : "reversible",
                    fourEyes(d),
                    d.amountField(),
                    d.provider(),
                    d.availableIn(),
                    d.after(),
                    d.reasonRequired(),
                    d.input().stream().map(ActionField::of).toList(),
                    d.endpoint() == null
                            ? null
                            : new ActionEndpoint(
                                    d.endpoint().method(), d.endpoint().path()));
        }

        private static Object fourEyes(ActionDefinition d) {
            FourEyesPolicy policy = d.fourEyes();
            if (d.fourEyesByHandler()) {
                return "handler";
            }
            if (!policy.isActive()) {
                return false;
            }
            if (policy.isAlwaysOne()) {
                return true;
            }
            return policy.tiers().stream()
                    .map(t -> Map.of("above", t.above(), "approvals", t.approvals()))
                    .toList();
        }
    }

    record ActionEndpoint(String method, String path) {}

    /** One input field: the schema the console's form and an integrator's client are generated from. */
    record ActionField(
            String name,
            String type,
            boolean required,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            @Nullable String pattern,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            List<String> currencies,
            List<String> values,
            @Nullable Long maxBytes,
            List<String> contentTypes) {

        static ActionField of(ActionDefinition.Field f) {
            return new ActionField(
                    f.name(),
                    f.type().code(),
                    f.required(),
                    f.minLength(),
                    f.maxLength(),
                    f.pattern(),
                    f.min(),
                    f.max(),
                    f.currencies(),
                    f.values(),
                    f.maxBytes(),
                    f.contentTypes());
        }
    }
}
