package org.opsdesk.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest.Party;
import org.opsdesk.operations.ApprovalRequest.State;
import org.opsdesk.operations.approvals.AlreadyApproved;
import org.opsdesk.operations.approvals.ApprovalAlreadyPending;
import org.opsdesk.operations.approvals.ApprovalListQuery;
import org.opsdesk.operations.approvals.ApprovalNotPending;
import org.opsdesk.operations.approvals.ApprovalStore;
import org.opsdesk.operations.approvals.ApprovalVoid;
import org.opsdesk.operations.approvals.MakerCannotApprove;
import org.opsdesk.operations.lifecycle.ChangeWriter;
import org.opsdesk.operations.lifecycle.Operation;
import org.opsdesk.operations.lifecycle.OperationStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.Permissions;
import org.opsdesk.shared.RequestIds;
import org.opsdesk.workflow.Move;
import org.opsdesk.workflow.ReasonRequired;
import org.opsdesk.workflow.Transition;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes approvals: a move under a four-eyes policy becomes a request; distinct checkers holding {@code
 * <type>:approve} approve or decline it; the last needed approval applies the move, attributed to the maker, in
 * the same transaction. Every step takes the operation's row lock first and is written to its history chain, so
 * the request, its votes and the transition commit together or not at all.
 */
@Service
public class Approvals {

    private final Workflows workflows;
    private final OperationStore operations;
    private final ApprovalStore store;
    private final ChangeWriter changes;
    private final ObjectProvider<MakerStanding> makerStanding;
    private final Clock clock;

    Approvals(
            Workflows workflows,
            OperationStore operations,
            ApprovalStore store,
            ChangeWriter changes,
            ObjectProvider<MakerStanding> makerStanding,
            Clock clock) {
        this.workflows = workflows;
        this.operations = operations;
        this.store = store;
        this.changes = changes;
        this.makerStanding = makerStanding;
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
        var request = new ApprovalRequest(
                UUID.randomUUID(),
                current.id(),
                current.type(),
                current.stage(),
                to,
                current.amount(),
                blankToNull(reason),
                blankToNull(comment),
                Party.of(maker),
                move.requiredApprovals(),
                List.of(),
                State.PENDING,
                now,
                null,
                null,
                null,
                null,
                false);
        store.insert(
                new ApprovalStore.Stored(request, current.stageEnteredAt(), move.override(), maker.person(), Set.of()),
                maker.principalKey());
        var recorded = operation.note(
                HistoryEntry.APPROVAL_REQUESTED,
                maker,
                reason,
                comment,
                changes("approvalRequest", request.id(), "toStage", to, "requiredApprovals", move.requiredApprovals()),
                now,
                RequestIds.current());
        changes.apply(recorded);
        return new TransitionResult(recorded.operation().snapshot(), request);
    }

    /**
     * Voids the pending requests of an operation about to move (the caller holds its row lock) and returns the
     * changes to record with the move: {@code {}} or {@code {"voidedApprovalRequests": [ids]}}.
     */
    String voidPendingBeforeMove(OperationSnapshot current, String to, Actor actor, Instant now) {
        String why = "the operation moved from '" + current.stage() + "' to '" + to + "' (by "
                + actor.kind().code() + " " + actor.id() + ") before the request was decided";
        List<UUID> voided = store.voidPending(current.id(), why, now, Party.of(actor));
        return voided.isEmpty()
                ? "{}"
                : Operation.changesJson(changes(
                        "voidedApprovalRequests",
                        voided.stream().map(UUID::toString).toList()));
    }

    @Transactional(readOnly = true)
    public ApprovalRequest get(UUID id, Actor actor) {
        return store.find(id)
                .map(ApprovalStore.Stored::request)
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
        var locked = lockForDecision(id, actor, "approve");
        Operation operation = locked.operation();
        ApprovalRequest request = locked.stored().request();
        if (locked.stored().voters().contains(actor.person())) {
            throw new AlreadyApproved(request.approvals().size(), request.requiredApprovals());
        }
        Instant now = clock.instant();
        voidIfMoved(locked, actor, now);
        int approvals = request.approvals().size() + 1;
        if (approvals >= request.requiredApprovals()) {
            voidIfMakerOutOfStanding(locked, actor, now);
        }
        store.addVote(id, actor.principalKey(), actor.person(), Party.of(actor), blankToNull(comment), now);
        var given = operation.note(
                HistoryEntry.APPROVAL_GIVEN,
                actor,
                null,
                comment,
                changes(
                        "approvalRequest",
                        id,
                        "toStage",
                        request.toStage(),
                        "approvals",
                        approvals,
                        "requiredApprovals",
                        request.requiredApprovals()),
                now,
                RequestIds.current());
        changes.apply(given);
        if (approvals >= request.requiredApprovals()) {
            store.decide(id, State.APPROVED, now, Party.of(actor), null, null);
            apply(given.operation(), locked.stored(), now);
        }
        return reload(id);
    }

    /** Declines as a checker, with a reason; the operation stays where it is. */
    @Transactional(noRollbackFor = ApprovalVoid.class)
    public ApprovalRequest decline(UUID id, @Nullable String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new ReasonRequired("declining an approval request needs a reason");
        }
        FreeText.reason(reason);
        var locked = lockForDecision(id, actor, "decline");
        Instant now = clock.instant();
        voidIfMoved(locked, actor, now);
        store.decide(id, State.DECLINED, now, Party.of(actor), reason.strip(), null);
        ApprovalRequest request = locked.stored().request();
        changes.apply(locked.operation()
                .note(
                        HistoryEntry.APPROVAL_DECLINED,
                        actor,
                        reason,
                        null,
                        changes("approvalRequest", id, "toStage", request.toStage()),
                        now,
                        RequestIds.current()));
        return reload(id);
    }

    private record Locked(Operation operation, ApprovalStore.Stored stored) {}

    /** Locks the operation, then the request (the order every change takes), and checks the caller may decide. */
    private Locked lockForDecision(UUID id, Actor actor, String action) {
        UUID operationId = store.operationOf(id).orElseThrow(() -> notFound(id));
        Operation operation = operations.lock(operationId).orElseThrow(() -> notFound(id));
        var stored = store.lock(id)
                .filter(s -> actor.may(OperationPermissions.view(s.request().operationType())))
                .orElseThrow(() -> notFound(id));
        ApprovalRequest request = stored.request();
        String approve = OperationPermissions.approve(request.operationType());
        if (!actor.may(approve)) {
            throw new PermissionDenied(approve);
        }
        if (request.state() == State.VOID) {
            throw new ApprovalVoid(String.valueOf(request.voidReason()));
        }
        if (request.state() != State.PENDING) {
            throw new ApprovalNotPending(request);
        }
        if (stored.makerPerson().equals(actor.person())) {
            throw new MakerCannotApprove(action);
        }
        return new Locked(operation, stored);
    }

    /** A request stands for one stay of the operation in its from-stage; any move since makes it void. */
    private void voidIfMoved(Locked locked, Actor actor, Instant now) {
        OperationSnapshot current = locked.operation().snapshot();
        ApprovalRequest request = locked.stored().request();
        if (current.stage().equals(request.fromStage())
                && current.stageEnteredAt().equals(locked.stored().stageEnteredAt())) {
            return;
        }
        String why = "the operation moved on since the request (it was in '" + request.fromStage() + "', it is now in '"
                + current.stage() + "' since " + current.stageEnteredAt() + ")";
        voidRequest(locked, actor, why, now);
    }

    /**
     * The approved move would apply in the maker's name: a maker who may no longer make it (disabled, deleted,
     * revoked, or who lost the transition's permission) voids the request instead.
     */
    private void voidIfMakerOutOfStanding(Locked locked, Actor actor, Instant now) {
        ApprovalRequest request = locked.stored().request();
        Party maker = request.maker();
        String permission = transitionOf(locked.operation().snapshot(), request)
                .map(t -> locked.stored().override() ? t.overridePermission() : t.permission())
                .orElse(null);
        MakerStanding standing = makerStanding.getIfAvailable();
        if (permission == null || standing == null || standing.mayStillTake(maker.kind(), maker.id(), permission)) {
            return; // a workflow that lost the transition is reported by apply()
        }
        voidRequest(
                locked,
                actor,
                "the maker (" + maker.kind() + " " + maker.id() + ") may no longer make this move: disabled,"
                        + " deleted, revoked or without the permission '" + permission + "'; it was not applied",
                now);
    }

    private Optional<Transition> transitionOf(OperationSnapshot current, ApprovalRequest request) {
        return workflows
                .version(current.type(), current.workflowVersion())
                .transition(request.fromStage(), request.toStage());
    }

    /** Voids the request with its reason in the history; throws so the caller answers, while the void commits. */
    private void voidRequest(Locked locked, Actor actor, String why, Instant now) {
        ApprovalRequest request = locked.stored().request();
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
        throw new ApprovalVoid(why);
    }

    /** Applies the approved move, attributed to the maker, listing the request and its checkers. */
    private void apply(Operation operation, ApprovalStore.Stored stored, Instant now) {
        ApprovalRequest request = reload(stored.request().id());
        OperationSnapshot current = operation.snapshot();
        WorkflowDefinition workflow = workflows.version(current.type(), current.workflowVersion());
        var transition = workflow.transition(request.fromStage(), request.toStage())
                .orElseThrow(() -> new IllegalStateException("workflow " + current.type() + " v"
                        + current.workflowVersion() + " lost " + request.fromStage() + " -> " + request.toStage()));
        var move = new Move(transition, stored.override(), request.requiredApprovals());
        Party maker = request.maker();
        var makerActor = new Actor(
                Actor.Kind.valueOf(maker.kind().toUpperCase(Locale.ROOT)),
                maker.id(),
                maker.name(),
                Permissions.none());
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
