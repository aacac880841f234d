package org.opsdesk.operations;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest.Party;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.workflow.Move;
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
    /** The guards by operation type, once collected (most types have none: one map lookup per move). */
    private volatile @Nullable Map<String, List<MoveGuard>> guards;
    /** The policy once found: asking the bean factory on every move cost 3% of an API transition (ADR 0019). */
    private volatile @Nullable MovePolicy found;

    MoveRules(ObjectProvider<MovePolicy> policy, ObjectProvider<MoveGuard> guardBeans) {
        this.policy = policy;
        this.guardBeans = guardBeans;
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
        Move move = workflow.move(operation.stage(), to, now, reason, operation.amount());
        String refusal = refusal(operation, move, now);
        if (refusal != null) {
            throw new MoveRefused(operation.type(), operation.stage(), to, refusal);
        }
        return move;
    }

    /** The moves the actor may take from the operation's stage now; none for an actor out of standing. */
    List<Move> available(WorkflowDefinition workflow, OperationSnapshot operation, Actor actor) {
        Actor now = asItStandsNow(actor);
        List<Move> moves = workflow.movesFor(operation.stage(), now, operation.amount());
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
