package org.opsdesk.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest.Party;
import org.opsdesk.operations.ApprovalRequest.State;
import org.opsdesk.operations.approvals.ApprovalAlreadyPending;
import org.opsdesk.operations.approvals.ApprovalCase;
import org.opsdesk.operations.approvals.ApprovalListQuery;
import org.opsdesk.operations.approvals.ApprovalOutcome;
import org.opsdesk.operations.approvals.ApprovalOutcome.ApprovalGiven;
import org.opsdesk.operations.approvals.ApprovalOutcome.RequestVoided;
import org.opsdesk.operations.approvals.ApprovalStore;
import org.opsdesk.operations.approvals.ApprovalVoid;
import org.opsdesk.operations.approvals.StageStay;
import org.opsdesk.operations.lifecycle.ChangeWriter;
import org.opsdesk.operations.lifecycle.Operation;
import org.opsdesk.operations.lifecycle.OperationStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.Permissions;
import org.opsdesk.shared.RequestIds;
import org.opsdesk.workflow.Move;
import org.opsdesk.workflow.ReasonRequired;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes approvals, the application service: a move under a four-eyes policy becomes a request; checkers
 * holding {@code <type>:approve} approve or decline it; the last needed approval applies the move, attributed to
 * the maker, in the same transaction. The rules live in the {@link ApprovalCase}; this service locks (the
 * operation's row first, then the request, as every change does), asks the case, persists what it answers and
 * writes it to the operation's history chain, so the request, its votes and the transition commit together or
 * not at all.
 */
@Service
public class Approvals {

    private final Workflows workflows;
    private final OperationStore operations;
    private final ApprovalStore store;
    private final ChangeWriter changes;
    private final MoveRules rules;
    private final Clock clock;

    Approvals(
            Workflows workflows,
            OperationStore operations,
            ApprovalStore store,
            ChangeWriter changes,
            MoveRules rules,
            Clock clock) {
        this.workflows = workflows;
        this.operations = operations;
        this.store = store;
        this.changes = changes;
        this.rules = rules;
        this.clock = clock;
    }

    /** Opens a request for a move that needs approval; the caller holds the operation's row lock. */
    TransitionResult open(
            Operation operation, Move move, Actor maker, @Nullable String reason, @Nullable String comment) {
        OperationSnapshot current = operation.snapshot();
        String to = move.transition().to();
        store.pending(current.id(), to).ifPresent(existing -> {
            throw new ApprovalAlreadyPending(to, existing);
        });
        Instant now = clock.instant();
        var opened = ApprovalCase.open(
                UUID.randomUUID(), current, move, maker, blankToNull(reason), blankToNull(comment), now);
        store.insert(opened, maker.principalKey());
        var recorded = operation.note(
                HistoryEntry.APPROVAL_REQUESTED,
                maker,
                reason,
                comment,
                changes("approvalRequest", opened.id(), "toStage", to, "requiredApprovals", move.requiredApprovals()),
                now,
                RequestIds.current());
        changes.apply(recorded);
        return new TransitionResult(recorded.operation().snapshot(), opened.request());
    }

    /**
     * Voids the pending requests of an operation about to move (the caller holds its row lock) and returns their
     * ids, oldest first, for the caller to record with the move.
     */
    List<UUID> voidPendingBeforeMove(OperationSnapshot current, String to, Actor actor, Instant now) {
        String why = "the operation moved from '" + current.stage() + "' to '" + to + "' (by "
                + actor.kind().code() + " " + actor.id() + ") before the request was decided";
        return store.voidPending(current.id(), why, now, Party.of(actor));
    }

    @Transactional(readOnly = true)
    public ApprovalRequest get(UUID id, Actor actor) {
        return store.find(id)
                .map(ApprovalCase::request)
                .filter(r -> actor.may(OperationPermissions.view(r.operationType())))
                .orElseThrow(() -> notFound(id));
    }

    /** The requests on one operation still waiting for their checkers, oldest first; shown on the record. */
    @Transactional(readOnly = true)
    public List<ApprovalRequest> pendingOn(UUID operationId, Actor actor) {
        return store.pendingOn(operationId).stream()
                .filter(r -> actor.may(OperationPermissions.view(r.operationType())))
                .toList();
    }

    @Transactional(readOnly = true)
    public ApprovalPage list(ApprovalFilter filter, @Nullable String cursor, int limit, Actor actor) {
        var types = workflows.all().stream().map(WorkflowDefinition::type).toList();
        var visible = actor.may(Permissions.ALL)
                ? null
                : types.stream()
                        .filter(t -> actor.may(OperationPermissions.view(t)))
                        .toList();
        var approvable = types.stream()
                .filter(t -> actor.may(OperationPermissions.view(t)) && actor.may(OperationPermissions.approve(t)))
                .toList();
        var query = ApprovalListQuery.build(
                filter, visible, approvable, actor.principalKey(), actor.person(), cursor, limit);
        var rows = new ArrayList<>(store.list(query.sql(), query.params()));
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = ApprovalListQuery.cursorAfter(rows.get(limit - 1));
        }
        return new ApprovalPage(rows, next);
    }

    /**
     * Approves as a checker. The last needed approval applies the move, attributed to the maker with the checkers
     * listed. A request whose operation moved on since, or whose maker may no longer make the move (disabled,
     * deleted, revoked, or without the transition's permission now), is voided (and stays void: that commits)
     * instead. Each person approves once, whichever of their keys they use.
     */
    @Transactional(noRollbackFor = ApprovalVoid.class)
    public ApprovalRequest approve(UUID id, @Nullable String comment, Actor actor) {
        FreeText.comment("comment", comment);
        var locked = lockForDecision(id, actor);
        Instant now = clock.instant();
        ApprovalOutcome outcome =
                locked.approval().approveBy(actor.person(), locked.stay(), () -> permissionTheMakerLost(locked));
        if (outcome instanceof RequestVoided voided) {
            throw recordVoid(locked, actor, voided, now);
        }
        var given = (ApprovalGiven) outcome;
        Operation voted = recordVote(locked, given, actor, comment, now);
        if (given.approvesTheRequest()) {
            store.decide(id, State.APPROVED, now, Party.of(actor), null, null);
            apply(voted, locked.approval(), now);
        }
        return reload(id);
    }

    /** Stores the vote the case counted and its {@code approval_given} entry; returns the operation after it. */
    private Operation recordVote(
            Locked locked, ApprovalGiven given, Actor actor, @Nullable String comment, Instant now) {
        ApprovalRequest request = locked.approval().request();
        store.addVote(request.id(), actor.principalKey(), actor.person(), Party.of(actor), blankToNull(comment), now);
        var noted = locked.operation()
                .note(
                        HistoryEntry.APPROVAL_GIVEN,
                        actor,
                        null,
                        comment,
                        changes(
                                "approvalRequest",
                                request.id(),
                                "toStage",
                                request.toStage(),
                                "approvals",
                                given.approvals(),
                                "requiredApprovals",
                                given.required()),
                        now,
                        RequestIds.current());
        changes.apply(noted);
        return noted.operation();
    }

    /** Declines as a checker, with a reason; the operation stays where it is. */
    @Transactional(noRollbackFor = ApprovalVoid.class)
    public ApprovalRequest decline(UUID id, @Nullable String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new ReasonRequired("declining an approval request needs a reason");
        }
        FreeText.reason(reason);
        var locked = lockForDecision(id, actor);
        Instant now = clock.instant();
        ApprovalOutcome outcome = locked.approval().declineBy(actor.person(), reason.strip(), locked.stay());
        if (outcome instanceof RequestVoided voided) {
            throw recordVoid(locked, actor, voided, now);
        }
        store.decide(id, State.DECLINED, now, Party.of(actor), reason.strip(), null);
        ApprovalRequest request = locked.approval().request();
        var declined = locked.operation()
                .note(
                        HistoryEntry.APPROVAL_DECLINED,
                        actor,
                        reason,
                        null,
                        changes("approvalRequest", id, "toStage", request.toStage()),
                        now,
                        RequestIds.current());
        changes.apply(declined);
        endAfterDecline(declined.operation(), reload(id), actor, reason.strip(), now);
        return reload(id);
    }

    /**
     * Moves the operation to the stage its type's {@link ApprovalRule} ends a declined request in, if it names one:
     * the checker's decision, recorded in their name with the decline's reason (the workflow's own permission is
     * not asked: the rule's module made the stage the decline's outcome).
     */
    private void endAfterDecline(
            Operation operation, ApprovalRequest declined, Actor checker, String reason, Instant now) {
        OperationSnapshot current = operation.snapshot();
        ApprovalRule rule = rules.approvalRuleOf(current.type());
        String to = rule == null ? null : rule.stageAfterDecline(current, declined);
        if (to == null) {
            return;
        }
        WorkflowDefinition workflow = workflows.version(current.type(), current.workflowVersion());
        Move move = workflow.move(current.stage(), to, Actor.system("four-eyes"), reason, current.amount());
        changes.apply(operation.transition(
                move,
                workflow,
                checker,
                reason,
                null,
                Operation.changesJson(changes("approvalRequest", declined.id())),
                now,
                RequestIds.current()));
    }

    /** A request and its operation, both locked. */
    private record Locked(Operation operation, ApprovalCase approval) {

        StageStay stay() {
            return StageStay.of(operation.snapshot());
        }
    }

    /** Locks the operation, then the request (the order every change takes), and checks the caller may decide. */
    private Locked lockForDecision(UUID id, Actor actor) {
        UUID operationId = store.operationOf(id).orElseThrow(() -> notFound(id));
        Operation operation = operations.lock(operationId).orElseThrow(() -> notFound(id));
        var approval = store.lock(id)
                .filter(a -> actor.may(OperationPermissions.view(a.request().operationType())))
                .orElseThrow(() -> notFound(id));
        rules.requireApprover(actor, approval.request().operationType());
        return new Locked(operation, approval);
    }

    /**
     * The approved move would apply in the maker's name: the permission it needs that the maker no longer holds
     * (disabled, deleted, revoked, or without it now), if so. Empty when the workflow lost the transition: {@link
     * #apply} reports that.
     */
    private Optional<String> permissionTheMakerLost(Locked locked) {
        ApprovalCase approval = locked.approval();
        ApprovalRequest request = approval.request();
        OperationSnapshot current = locked.operation().snapshot();
        return transitionOf(current, request)
                .map(t -> rules.permissionOfMaker(current, t, approval.override()))
                .filter(permission -> !rules.makerMayStillTake(request.maker(), permission));
    }

    private Optional<Transition> transitionOf(OperationSnapshot current, ApprovalRequest request) {
        return workflows
                .version(current.type(), current.workflowVersion())
                .transition(request.fromStage(), request.toStage());
    }

    /** Records the void the case answered, with its reason in the history; the caller throws what it returns. */
    private ApprovalVoid recordVoid(Locked locked, Actor actor, RequestVoided voided, Instant now) {
        String why = voided.why();
        ApprovalRequest request = locked.approval().request();
        store.decide(request.id(), State.VOID, now, Party.of(actor), null, why);
        changes.apply(locked.operation()
                .note(
                        HistoryEntry.APPROVAL_VOIDED,
                        actor,
                        why,
                        null,
                        changes("approvalRequest", request.id(), "toStage", request.toStage()),
                        now,
                        RequestIds.current()));
        return new ApprovalVoid(voided.reasonCode(), why);
    }

    /** Applies the approved move, attributed to the maker, listing the request and its checkers. */
    private void apply(Operation operation, ApprovalCase approved, Instant now) {
        ApprovalRequest request = reload(approved.id());
        OperationSnapshot current = operation.snapshot();
        WorkflowDefinition workflow = workflows.version(current.type(), current.workflowVersion());
        var transition = workflow.transition(request.fromStage(), request.toStage())
                .orElseThrow(() -> new IllegalStateException("workflow " + current.type() + " v"
                        + current.workflowVersion() + " lost " + request.fromStage() + " -> " + request.toStage()));
        var move = new Move(transition, approved.override(), request.requiredApprovals());
        Party maker = request.maker();
        var makerActor = new Actor(maker.actorKind(), maker.id(), maker.name(), Permissions.none());
        var approvedBy = request.approvals().stream()
                .map(a -> changes(
                        "kind",
                        a.checker().kind(),
                        "id",
                        a.checker().id(),
                        "name",
                        a.checker().name(),
                        "at",
                        a.at().toString()))
                .toList();
        var recorded = new TreeMap<String, Object>();
        recorded.put("approvalRequest", request.id().toString());
        recorded.put("approvedBy", approvedBy);
        List<UUID> voided = store.voidPending(
                current.id(),
                "the operation moved to '" + request.toStage() + "' by approval request " + request.id(),
                now,
                maker);
        if (!voided.isEmpty()) {
            recorded.put(
                    "voidedApprovalRequests",
                    voided.stream().map(UUID::toString).toList());
        }
        changes.apply(operation.transition(
                move,
                workflow,
                makerActor,
                request.reason(),
                request.comment(),
                Operation.changesJson(recorded),
                now,
                RequestIds.current()));
    }

    private ApprovalRequest reload(UUID id) {
        return store.find(id).orElseThrow().request();
    }

    /** An ordered map of alternating keys and values; values may be null, UUIDs become text. */
    private static TreeMap<String, @Nullable Object> changes(Object... keysAndValues) {
        var map = new TreeMap<String, @Nullable Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof UUID uuid ? uuid.toString() : value);
        }
        return map;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("approval request", id.toString());
    }
}
