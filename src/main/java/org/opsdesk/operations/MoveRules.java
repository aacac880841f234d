package org.opsdesk.operations;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest.Party;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.workflow.Move;
import org.opsdesk.workflow.ReasonRequired;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.Trigger;
import org.opsdesk.workflow.WorkflowDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether an actor may take a move on an operation: the workflow's rules (which
 * transitions exist, triggers, overrides, reasons, four-eyes) applied to the actor as the {@link MovePolicy}
 * sees it now — never with more than it carried into the request, and with nothing once it is out of standing.
 * The API, the console and bulk actions reach it through {@link Operations#transition}, the moves offered through
 * {@link Operations#availableMoves}, and four-eyes through {@link Approvals}.
 */
@Component
class MoveRules {

    private final ObjectProvider<MovePolicy> policy;
    private final ObjectProvider<MoveGuard> guardBeans;
    private final ObjectProvider<ApprovalRule> ruleBeans;
    /** The approval rules by operation type, once collected (most types have none). */
    private volatile @Nullable Map<String, ApprovalRule> approvalRules;
    /** The guards by operation type, once collected (most types have none: one map lookup per move). */
    private volatile @Nullable Map<String, List<MoveGuard>> guards;
    /** The policy once found: asking the bean factory on every move cost 3% of an API transition (ADR 0019). */
    private volatile @Nullable MovePolicy found;

    MoveRules(
            ObjectProvider<MovePolicy> policy,
            ObjectProvider<MoveGuard> guardBeans,
            ObjectProvider<ApprovalRule> ruleBeans) {
        this.policy = policy;
        this.guardBeans = guardBeans;
        this.ruleBeans = ruleBeans;
    }

    /** The type's {@link ApprovalRule}, or null (one map lookup per move). */
    @Nullable
    ApprovalRule approvalRuleOf(String type) {
        Map<String, ApprovalRule> known = approvalRules;
        if (known == null) {
            known = ruleBeans.orderedStream().collect(Collectors.toMap(ApprovalRule::operationType, rule -> rule));
            approvalRules = known;
        }
        return known.get(type);
    }

    private List<MoveGuard> guardsOf(String type) {
        Map<String, List<MoveGuard>> known = guards;
        if (known == null) {
            known = guardBeans.orderedStream().collect(Collectors.groupingBy(MoveGuard::operationType));
            guards = known;
        }
        return known.getOrDefault(type, List.of());
    }

    private @Nullable String refusal(OperationSnapshot operation, Move move, Actor actor) {
        for (MoveGuard guard : guardsOf(operation.type())) {
            String refusal = guard.refusal(operation, move, actor);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** The policy, or null without one (module tests without {@code access}), where the factory is asked again. */
    private @Nullable MovePolicy policy() {
        MovePolicy known = found;
        if (known == null) {
            known = policy.getIfAvailable();
            found = known;
        }
        return known;
    }

    /**
     * The move the actor asks for, or exactly why it may not take it.
     *
     * @throws org.opsdesk.shared.PermissionDenied if the actor does not hold the move's permission now
     * @throws MoveRefused if a {@link MoveGuard} of the type refuses it
     */
    Move decide(
            WorkflowDefinition workflow, OperationSnapshot operation, String to, Actor actor, @Nullable String reason) {
        Actor now = asItStandsNow(actor);
        ApprovalRule rule = actor.isInternal() ? null : approvalRuleOf(operation.type());
        Move move = rule == null
                ? workflow.move(operation.stage(), to, now, reason, operation.amount())
                : ruledMove(rule, workflow, operation, to, now, reason);
        String refusal = refusal(operation, move, now);
        if (refusal != null) {
            throw new MoveRefused(operation.type(), operation.stage(), to, refusal);
        }
        return move;
    }

    /**
     * A move of a type with an {@link ApprovalRule}: the rule's permission instead of a manual transition's own,
     * and the higher of the rule's approvals and the workflow's.
     */
    private Move ruledMove(
            ApprovalRule rule,
            WorkflowDefinition workflow,
            OperationSnapshot operation,
            String to,
            Actor actor,
            @Nullable String reason) {
        String permission = rule.permissionToMove(operation, to);
        Move move;
        if (permission != null && isManual(workflow, operation.stage(), to)) {
            if (!actor.may(permission)) {
                throw new PermissionDenied(permission);
            }
            Transition transition = workflow.transition(operation.stage(), to).orElseThrow();
            if (transition.reasonRequired() && (reason == null || reason.isBlank())) {
                throw new ReasonRequired("the move to '" + to + "' needs a reason");
            }
            move = new Move(transition, false, transition.fourEyes().requiredApprovals(operation.amount()));
        } else {
            move = workflow.move(operation.stage(), to, actor, reason, operation.amount());
        }
        return raised(rule, operation, move);
    }

    private static boolean isManual(WorkflowDefinition workflow, String from, String to) {
        return workflow.transition(from, to)
                .map(t -> t.trigger() == Trigger.MANUAL)
                .orElse(false);
    }

    private static Move raised(ApprovalRule rule, OperationSnapshot operation, Move move) {
        int required = Math.max(move.requiredApprovals(), rule.requiredApprovals(operation, move));
        return required == move.requiredApprovals() ? move : new Move(move.transition(), move.override(), required);
    }

    /**
     * The permission an approved request's maker must still hold for its move to apply: the type's {@link
     * ApprovalRule}'s when it names one for a manual transition, else the transition's (or its override's).
     */
    String permissionOfMaker(OperationSnapshot operation, Transition transition, boolean override) {
        ApprovalRule rule = approvalRuleOf(operation.type());
        String ruled = rule == null || override || transition.trigger() != Trigger.MANUAL
                ? null
                : rule.permissionToMove(operation, transition.to());
        if (ruled != null) {
            return ruled;
        }
        return override ? transition.overridePermission() : transition.permission();
    }

    /** The moves the actor may take from the operation's stage now; none for an actor out of standing. */
    List<Move> available(WorkflowDefinition workflow, OperationSnapshot operation, Actor actor) {
        Actor now = asItStandsNow(actor);
        ApprovalRule rule = actor.isInternal() ? null : approvalRuleOf(operation.type());
        List<Move> moves = workflow.movesFor(operation.stage(), now, operation.amount());
        if (rule != null) {
            moves = moves.stream().map(move -> raised(rule, operation, move)).toList();
        }
        if (guardsOf(operation.type()).isEmpty()) {
            return moves;
        }
        return moves.stream()
                .filter(move -> refusal(operation, move, now) == null)
                .toList();
    }

    /** A checker must hold {@code <type>:approve} now to approve or decline a request on an operation of the type. */
    void requireApprover(Actor checker, String operationType) {
        String approve = OperationPermissions.approve(operationType);
        if (!asItStandsNow(checker).may(approve)) {
            throw new PermissionDenied(approve);
        }
    }

    /**
     * Whether the maker of an approval request may still take its move, which needs {@code permission}: an
     * approved move applies in the maker's name. A maker the policy does not judge (or no policy) stands.
     */
    boolean makerMayStillTake(Party maker, String permission) {
        MovePolicy current = policy();
        return current == null
                || current.recordedPermissionsNow(maker.actorKind(), maker.id())
                        .map(now -> now.allows(permission))
                        .orElse(true);
    }

    private Actor asItStandsNow(Actor actor) {
        MovePolicy current = policy();
        if (current == null) {
            return actor;
        }
        return current.permissionsNow(actor.kind(), actor.id())
                .map(now -> new Actor(
                        actor.kind(), actor.id(), actor.name(), now.intersect(actor.permissions()), actor.person()))
                .orElse(actor);
    }
}
