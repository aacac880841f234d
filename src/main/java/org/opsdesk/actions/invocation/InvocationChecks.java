package org.opsdesk.actions.invocation;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionDefinition;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionInput;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ActionRequest;
import org.opsdesk.actions.ActionTarget;
import org.opsdesk.actions.NoProviderConfigured;
import org.opsdesk.actions.ProviderGateway;
import org.opsdesk.actions.declarations.ActionDeclarations;
import org.opsdesk.operations.FreeText;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Everything an invocation must pass before anything is stored, in the order a caller is best told: the action
 * exists (404), the caller holds {@code action:<id>} (403), the record exists for them (404), the action is
 * available on it now (409), the reason, input and typed confirmation are right (422, every field at once), the
 * handler's own checks, and a provider is configured when the action needs one (409 {@code no-provider}).
 */
@Component
class InvocationChecks {

    private final ActionDeclarations declarations;
    private final InputChecker inputs;
    private final ObjectProvider<ProviderGateway> gateway;

    InvocationChecks(ActionDeclarations declarations, InputChecker inputs, ObjectProvider<ProviderGateway> gateway) {
        this.declarations = declarations;
        this.inputs = inputs;
        this.gateway = gateway;
    }

    /** The declared (not endpoint) action, or 404. */
    ActionDefinition action(String actionId) {
        return declarations
                .find(actionId)
                .filter(d -> !d.isEndpoint())
                .orElseThrow(() -> new NotFound("action", actionId));
    }

    Prepared prepare(ActionRequest request, Actor actor) {
        ActionDefinition action = action(request.actionId());
        if (!actor.may(action.permission())) {
            throw new PermissionDenied(action.permission());
        }
        ActionTarget target = null;
        String kind = Objects.requireNonNull(action.target());
        if (request.targetId() != null) {
            target = find(kind, request.targetId(), actor);
        }
        ActionHandler handler = declarations.handler(action.id());
        if (target != null) {
            String unavailable = unavailableBecause(action, handler, target, actor);
            if (unavailable != null) {
                throw new ActionRefused(unavailable);
            }
        }
        FreeText.reason(request.reason());
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        var input = inputs.check(action, request.input());
        if (reason == null && action.reasonRequired()) {
            throw FieldReason.REASON_REQUIRED.refuse("reason");
        }
        if (action.irreversible() && target != null && !target.identifier().equals(request.confirm())) {
            throw FieldReason.CONFIRM.refuse("confirm", target.identifier(), kind);
        }
        handler.check(target, input, actor);
        if (action.provider()) {
            ProviderGateway provider = gateway.getIfAvailable();
            if (provider == null || !provider.configured()) {
                throw new NoProviderConfigured(action.id());
            }
        }
        var json = request.input() == null ? JsonNodeFactory.instance.objectNode() : request.input();
        return new Prepared(
                action, handler, target, input, json, reason, actor, requiredApprovals(action, handler, target, input));
    }

    /** The record for this actor, or 404 alike for one that does not exist, is deleted or is not theirs to see. */
    ActionTarget find(String kind, String id, Actor actor) {
        return declarations
                .targets(kind)
                .flatMap(targets -> targets.find(id, actor))
                .orElseThrow(() -> new NotFound(kind, id));
    }

    /** Null when the action may be taken on the record now; otherwise why not. */
    static @Nullable String unavailableBecause(
            ActionDefinition action, ActionHandler handler, ActionTarget target, Actor actor) {
        if (!action.availableIn().isEmpty() && !action.availableIn().contains(target.state())) {
            return "'" + action.id() + "' is not available on a " + target.kind() + " that is " + target.state()
                    + " (only when " + String.join(" or ", action.availableIn()) + ")";
        }
        return handler.unavailableBecause(target, actor);
    }

    private static int requiredApprovals(
            ActionDefinition action, ActionHandler handler, @Nullable ActionTarget target, ActionInput input) {
        if (action.fourEyesByHandler()) {
            return Math.max(0, Math.min(10, handler.requiredApprovals(target, input)));
        }
        return action.fourEyes().requiredApprovals(amountOf(action, input));
    }

    static @Nullable Money amountOf(ActionDefinition action, ActionInput input) {
        return action.amountField() == null
                ? null
                : input.money(action.amountField()).orElse(null);
    }
}
