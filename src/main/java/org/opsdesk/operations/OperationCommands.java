package org.opsdesk.operations;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.lifecycle.ChangeWriter;
import org.opsdesk.operations.lifecycle.Operation;
import org.opsdesk.operations.lifecycle.OperationStore;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Money;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.shared.RequestIds;
import org.opsdesk.workflow.Move;
import org.opsdesk.workflow.TransitionNotAllowed;
import org.opsdesk.workflow.UnknownWorkflow;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates operations, moves them between stages and records everything that happens to them. Each change runs
 * in one transaction: lock the row, let the workflow decide, write the row, append the chained history entry and
 * the outbox event (a {@link StatusChanged}, or an {@link AttributesChanged} for an edit). Callers see only operations of types they may view; others are "not found". Reading is
 * {@link OperationQueries}.
 */
@Service
public class OperationCommands {

    private final Workflows workflows;
    private final OperationStore store;
    private final ChangeWriter changes;
    private final Approvals approvals;
    private final MoveRules rules;
    private final ObjectProvider<AssigneeDirectory> assignees;
    private final Clock clock;

    OperationCommands(
            Workflows workflows,
            OperationStore store,
            ChangeWriter changes,
            Approvals approvals,
            MoveRules rules,
            ObjectProvider<AssigneeDirectory> assignees,
            Clock clock) {
        this.workflows = workflows;
        this.store = store;
        this.changes = changes;
        this.approvals = approvals;
        this.rules = rules;
        this.assignees = assignees;
        this.clock = clock;
    }

    @Transactional
    public OperationSnapshot create(NewOperation command, Actor actor) {
        WorkflowDefinition workflow =
                workflows.current(command.type()).orElseThrow(() -> new UnknownWorkflow("type", command.type()));
        require(actor, OperationPermissions.create(command.type()));
        var change =
                Operation.create(UUID.randomUUID(), command, workflow, actor, clock.instant(), RequestIds.current());
        if (!changes.write(change)) {
            UUID existing = store.idOf(command.type(), command.reference()).orElseThrow();
            throw new DuplicateReference(command.type(), command.reference(), existing);
        }
        return change.operation().snapshot();
    }

    /**
     * Creates an operation that its creator's process carries through further moves in the same transaction — an
     * action checked and applied on the spot: one row at the last move's stage and one history entry, the creation,
     * whose change set lists every move with who took it and why, instead of a row update and a chained entry per
     * move. Each move is judged exactly as {@link #transition} judges it (the workflow, the actor's standing, move
     * guards, approval rules); one that would need a second person is a programming error here — the caller creates
     * the operation and moves it instead — and nothing is written.
     *
     * @param id the new operation's id, chosen by the caller so that what it stores beside the operation (and what
     *     its approval rules read) can carry it before the operation is written
     * @param moves from the workflow's initial stage, in order; none is a plain creation
     * @param creator who creates it; the history entry names them and the first move's reason
     */
    @Transactional
    public OperationSnapshot createMoved(UUID id, NewOperation command, List<ImmediateMove> moves, Actor creator) {
        WorkflowDefinition workflow =
                workflows.current(command.type()).orElseThrow(() -> new UnknownWorkflow("type", command.type()));
        require(creator, OperationPermissions.create(command.type()));
        if (command.deadline() != null && !moves.isEmpty()) {
            throw new IllegalArgumentException(
                    "a deadline belongs to the initial stage, which a moved creation leaves");
        }
        var now = clock.instant();
        var requestId = RequestIds.current();
        OperationSnapshot at = Operation.draft(id, command, workflow, now);
        var recorded = new java.util.ArrayList<java.util.Map<String, Object>>();
        for (ImmediateMove step : moves) {
            FreeText.reason(step.reason());
            Move move = rules.decide(workflow, at, step.to(), step.actor(), step.reason());
            if (move.needsApproval()) {
                throw new IllegalStateException("the move of " + command.type() + " to '" + step.to()
                        + "' needs a second person: create the operation, then move it");
            }
            at = Operation.atStage(at, workflow.stage(step.to()).orElseThrow());
            recorded.add(recordedMove(step, move));
        }
        String reason = moves.isEmpty() ? null : moves.get(0).reason();
        var change = Operation.create(
                id,
                command,
                workflow,
                workflow.stage(at.stage()).orElseThrow(),
                recorded,
                reason,
                creator,
                now,
                requestId);
        if (!changes.write(change)) {
            UUID existing = store.idOf(command.type(), command.reference()).orElseThrow();
            throw new DuplicateReference(command.type(), command.reference(), existing);
        }
        return change.operation().snapshot();
    }

    private static java.util.Map<String, Object> recordedMove(ImmediateMove step, Move move) {
        var recorded = new java.util.TreeMap<String, Object>();
        recorded.put("to", step.to());
        recorded.put("actorKind", step.actor().kind().code());
        recorded.put("actorId", step.actor().id());
        recorded.put("actorName", step.actor().name());
        if (step.reason() != null && !step.reason().isBlank()) {
            recorded.put("reason", step.reason().strip());
        }
        if (move.override()) {
            recorded.put("override", true);
        }
        return recorded;
    }

    /**
     * Moves an operation to another stage, or says exactly why it cannot. A move under a four-eyes policy for
     * this operation's amount does not apply: it opens an approval request instead (see {@link Approvals}). A
     * move that applies voids the operation's pending approval requests, in the same transaction.
     *
     * @param expectedVersion the version the caller decided on (If-Match), or null to act on whatever is current
     */
    @Transactional
    public TransitionResult transition(
            UUID id,
            String to,
            @Nullable String reason,
            @Nullable String comment,
            @Nullable Long expectedVersion,
            Actor actor) {
        FreeText.reason(reason);
        FreeText.comment("comment", comment);
        Operation operation = lockVisible(id, actor, expectedVersion);
        Judged judged = judge(operation.snapshot(), to, actor, reason);
        if (judged.move().needsApproval()) {
            return approvals.open(operation, judged.move(), actor, reason, comment);
        }
        var change = moved(operation, judged, actor, reason, comment, clock.instant(), RequestIds.current());
        changes.apply(change);
        return new TransitionResult(change.operation().snapshot(), null);
    }

    /** The move the rules allow now and its workflow version; a refusal carries the operation's version. */
    private Judged judge(OperationSnapshot current, String to, Actor actor, @Nullable String reason) {
        WorkflowDefinition workflow = workflows.version(current.type(), current.workflowVersion());
        try {
            return new Judged(workflow, rules.decide(workflow, current, to, actor, reason));
        } catch (TransitionNotAllowed refused) {
            throw withVersion(refused, current);
        }
    }

    /** A move {@link #judge} allowed, in the workflow version it was judged in. */
    private record Judged(WorkflowDefinition workflow, Move move) {}

    /** The change an allowed move makes, voiding the operation's pending approvals it makes moot. */
    private Operation.Change moved(
            Operation operation,
            Judged judged,
            Actor actor,
            @Nullable String reason,
            @Nullable String comment,
            java.time.Instant now,
            @Nullable String requestId) {
        String to = judged.move().transition().to();
        var voided = voidedChanges(voidPendingApprovals(operation, to, actor, now));
        return operation.transition(judged.move(), judged.workflow(), actor, reason, comment, voided, now, requestId);
    }

    /**
     * One move of {@link #transitionAll}.
     *
     * @param from the stage the caller decided on (refused when the operation is elsewhere), null for any
     * @param to the stage to move to
     */
    public record Step(
            UUID id,
            @Nullable String from,
            String to,
            @Nullable String reason,
            @Nullable String comment,
            Actor actor) {}

    /**
     * What one step of {@link #transitionAll} did: the move applied, or an approval request opened instead
     * ({@code result}); or exactly why it did not ({@code refused}), with the stage the operation is in
     * ({@code stage}, null when it is not found).
     */
    public record StepResult(
            @Nullable TransitionResult result, @Nullable ProblemException refused, @Nullable String stage) {

        public boolean applied() {
            return result != null && result.applied();
        }
    }

    /**
     * Many moves in one transaction, each judged exactly as {@link #transition} judges it — for a process that
     * moves thousands of operations at once (a bank statement confirming its payments) and would otherwise pay a
     * commit and a handful of round trips per move. The rows are locked together in the order of their ids, the
     * changes written set-based ({@link ChangeWriter#applyAll}: three statements). Several steps of one operation
     * apply in their order; once a step of an operation is refused (or waits for a second person), its later steps
     * are refused too and the other operations' steps go on. A failure of the database rolls everything back.
     *
     * @return one result per step, in the steps' order
     */
    @Transactional
    public List<StepResult> transitionAll(List<Step> steps) {
        steps.forEach(step -> {
            FreeText.reason(step.reason());
            FreeText.comment("comment", step.comment());
        });
        var at = new java.util.HashMap<UUID, Operation>(store.lockAll(steps.stream()
                .map(Step::id)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new))));
        var stopped = new java.util.HashSet<UUID>();
        var written = new java.util.ArrayList<Operation.Change>();
        var results = new java.util.ArrayList<StepResult>(steps.size());
        var now = clock.instant();
        var requestId = RequestIds.current();
        for (Step step : steps) {
            Operation operation = at.get(step.id());
            if (operation == null
                    || !step.actor()
                            .may(OperationPermissions.view(operation.snapshot().type()))) {
                results.add(new StepResult(null, notFound(step.id()), null));
                continue;
            }
            OperationSnapshot current = operation.snapshot();
            String elsewhere = stopped.contains(step.id())
                    ? "an earlier move of this operation in the same request did not apply"
                    : step.from() != null && !step.from().equals(current.stage())
                            ? "the operation is in '" + current.stage() + "', not '" + step.from() + "'"
                            : null;
            if (elsewhere != null) {
                stopped.add(step.id());
                results.add(new StepResult(
                        null, new MoveRefused(current.type(), current.stage(), step.to(), elsewhere), current.stage()));
                continue;
            }
            try {
                Judged judged = judge(current, step.to(), step.actor(), step.reason());
                if (judged.move().needsApproval()) {
                    changes.applyAll(written); // the request's own history entry follows this operation's moves
                    written.clear();
                    stopped.add(step.id());
                    var opened = approvals.open(operation, judged.move(), step.actor(), step.reason(), step.comment());
                    results.add(new StepResult(opened, null, current.stage()));
                    continue;
                }
                var change = moved(operation, judged, step.actor(), step.reason(), step.comment(), now, requestId);
                written.add(change);
                at.put(step.id(), change.operation());
                results.add(
                        new StepResult(new TransitionResult(change.operation().snapshot(), null), null, step.to()));
            } catch (ProblemException refused) {
                stopped.add(step.id());
                results.add(new StepResult(null, refused, current.stage()));
            }
        }
        changes.applyAll(written);
        return results;
    }

    /** Fires the timer of an operation if it is still due and no other node is firing it; for the timer worker. */
    @Transactional
    public void fireTimer(UUID id) {
        var now = clock.instant();
        store.lockIfTimerDue(id, now).ifPresent(operation -> {
            OperationSnapshot current = operation.snapshot();
            WorkflowDefinition workflow = workflows.version(current.type(), current.workflowVersion());
            var timer = workflow.timer(current.stage())
                    .orElseThrow(() -> new IllegalStateException("operation " + id + " has a timer but stage "
                            + current.stage() + " has no timer transition"));
            String reason = "no change within " + timer.after() + " in stage '" + current.stage() + "'";
            Move move = workflow.move(current.stage(), timer.to(), Actor.timer(), reason, current.amount());
            var change = moved(operation, new Judged(workflow, move), Actor.timer(), reason, null, now, null);
            changes.apply(change);
        });
    }

    /**
     * A supervisor sets (or, with null, clears) the assignee. When an {@link AssigneeDirectory} is present the
     * assignee must be someone it knows for this type; without one any non-blank name is accepted.
     */
    @Transactional
    public OperationSnapshot assign(
            UUID id, @Nullable String assignee, @Nullable String reason, @Nullable Long expectedVersion, Actor actor) {
        Operation operation = lockVisible(id, actor, expectedVersion);
        String type = operation.snapshot().type();
        require(actor, OperationPermissions.assign(type));
        if (assignee != null) {
            if (assignee.isBlank()) {
                throw new UnknownAssignee(assignee, type);
            }
            AssigneeDirectory directory = assignees.getIfAvailable();
            if (directory != null && !directory.canBeAssigned(assignee, type)) {
                throw new UnknownAssignee(assignee, type);
            }
        }
        return assignAs(operation, assignee, Operation.AssignAction.ASSIGN, actor, reason);
    }

    /**
     * Takes an unassigned operation for the caller: the assignee becomes {@link Actor#id()} (an operator's
     * username, an API key's id).
     */
    @Transactional
    public OperationSnapshot claim(UUID id, @Nullable Long expectedVersion, Actor actor) {
        Operation operation = lockVisible(id, actor, expectedVersion);
        OperationSnapshot current = operation.snapshot();
        require(actor, OperationPermissions.claim(current.type()));
        if (current.assignee() != null) {
            throw new AlreadyAssigned(current.assignee());
        }
        return assignAs(operation, actor.id(), Operation.AssignAction.CLAIM, actor, null);
    }

    /** Gives the operation back to the queue: its assignee may, and so may whoever holds {@code <type>:assign}. */
    @Transactional
    public OperationSnapshot release(UUID id, @Nullable String reason, @Nullable Long expectedVersion, Actor actor) {
        Operation operation = lockVisible(id, actor, expectedVersion);
        OperationSnapshot current = operation.snapshot();
        if (current.assignee() == null) {
            throw new NotAssigned();
        }
        if (!current.assignee().equals(actor.id())) {
            require(actor, OperationPermissions.assign(current.type()));
        }
        return assignAs(operation, null, Operation.AssignAction.RELEASE, actor, reason);
    }

    private OperationSnapshot assignAs(
            Operation operation,
            @Nullable String assignee,
            Operation.AssignAction action,
            Actor actor,
            @Nullable String reason) {
        FreeText.reason(reason);
        var change = operation.assign(assignee, action, actor, reason, clock.instant(), RequestIds.current());
        changes.apply(change);
        return change.operation().snapshot();
    }

    /**
     * Adds an internal comment to the operation's history: an entry of kind {@link HistoryEntry#COMMENTED},
     * chained and append-only like every other, that bumps the version but changes no field or stage.
     */
    @Transactional
    public HistoryEntry comment(UUID id, @Nullable String text, Actor actor) {
        Operation operation = lockVisible(id, actor, null);
        require(actor, OperationPermissions.comment(operation.snapshot().type()));
        String comment = text == null ? "" : text.strip();
        if (comment.isEmpty()) {
            throw InvalidInput.of("text", "must not be blank");
        }
        FreeText.comment("text", comment);
        var change = operation.note(
                HistoryEntry.COMMENTED,
                actor,
                null,
                comment,
                java.util.Map.of(),
                clock.instant(),
                RequestIds.current());
        changes.apply(change);
        return change.entry();
    }

    /**
     * Replaces the attributes (the caller computes the merge); recorded with before and after, and announced by an
     * {@link AttributesChanged} when a top-level value changed.
     */
    @Transactional
    public OperationSnapshot editAttributes(
            UUID id,
            java.util.function.UnaryOperator<String> edit,
            @Nullable String reason,
            @Nullable Long expectedVersion,
            Actor actor) {
        return editAttributes(id, edit, reason, null, expectedVersion, actor);
    }

    /**
     * As {@link #editAttributes(UUID, java.util.function.UnaryOperator, String, Long, Actor)}, with an internal
     * {@code comment} kept in the history entry only: the {@code reason} goes out with the event (a client may read
     * it), the comment never does.
     */
    @Transactional
    public OperationSnapshot editAttributes(
            UUID id,
            java.util.function.UnaryOperator<String> edit,
            @Nullable String reason,
            @Nullable String comment,
            @Nullable Long expectedVersion,
            Actor actor) {
        return editAttributes(id, edit, null, reason, comment, expectedVersion, actor);
    }

    /**
     * As {@link #editAttributes(UUID, java.util.function.UnaryOperator, String, String, Long, Actor)}, and sets the
     * operation's amount to {@code amount} when given (same currency; what the lists, exports and four-eyes
     * thresholds read) — for a module whose details decide the amount, as an exchange order's rate change does.
     */
    @Transactional
    public OperationSnapshot editAttributes(
            UUID id,
            java.util.function.UnaryOperator<String> edit,
            @Nullable Money amount,
            @Nullable String reason,
            @Nullable String comment,
            @Nullable Long expectedVersion,
            Actor actor) {
        FreeText.reason(reason);
        FreeText.comment("comment", comment);
        Operation operation = lockVisible(id, actor, expectedVersion);
        require(actor, OperationPermissions.update(operation.snapshot().type()));
        var change = operation.editAttributes(
                edit.apply(operation.snapshot().attributesJson()),
                amount,
                actor,
                reason,
                comment,
                clock.instant(),
                RequestIds.current());
        changes.apply(change);
        return change.operation().snapshot();
    }

    private Operation lockVisible(UUID id, Actor actor, @Nullable Long expectedVersion) {
        Operation operation = store.lock(id)
                .filter(o -> actor.may(OperationPermissions.view(o.snapshot().type())))
                .orElseThrow(() -> notFound(id));
        OperationSnapshot current = operation.snapshot();
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersion(expectedVersion, current.stage(), current.version());
        }
        return operation;
    }

    /** The ids of the requests the move voids; skips the lookup when the locking read saw none pending. */
    private List<UUID> voidPendingApprovals(Operation operation, String to, Actor actor, java.time.Instant now) {
        return operation.mayHavePendingApprovals()
                ? approvals.voidPendingBeforeMove(operation.snapshot(), to, actor, now)
                : List.of();
    }

    /** The changes a move records: {@code {}}, or {@code {"voidedApprovalRequests": [ids]}}. */
    private static String voidedChanges(List<UUID> voided) {
        return voided.isEmpty()
                ? "{}"
                : Operation.changesJson(java.util.Map.of(
                        "voidedApprovalRequests",
                        voided.stream().map(UUID::toString).toList()));
    }

    private static void require(Actor actor, String permission) {
        if (!actor.may(permission)) {
            throw new PermissionDenied(permission);
        }
    }

    private static ProblemException withVersion(ProblemException refused, OperationSnapshot current) {
        return refused.with("currentVersion", current.version());
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("operation", id.toString());
    }
}
