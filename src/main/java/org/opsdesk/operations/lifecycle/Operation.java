package org.opsdesk.operations.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.NewOperation;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.opsdesk.workflow.Move;
import org.opsdesk.workflow.Stage;
import org.opsdesk.workflow.WorkflowDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operation and the rules of changing it: every change yields the new state, the history entry chained to
 * the previous one, and, for a stage change, the {@link StatusChanged} event.
 */
public final class Operation {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * A change ready to store: the operation after it, its history entry and its event — a {@link StatusChanged} for
     * stage changes, an {@link AttributesChanged} for an edit that changed an attribute, none otherwise.
     */
    public record Change(Operation operation, HistoryEntry entry, @Nullable OperationEvent event) {

        /** Whether this change brings the operation into being (its row is inserted, not updated). */
        public boolean creation() {
            return entry.seq() == 1;
        }
    }

    private final OperationSnapshot state;
    private final byte[] historyHead;
    private final @Nullable Instant timerAt;
    private final boolean mayHavePendingApprovals;

    Operation(OperationSnapshot state, byte[] historyHead, @Nullable Instant timerAt) {
        this(state, historyHead, timerAt, true);
    }

    /**
     * @param mayHavePendingApprovals false only when the row was read together with the fact that no approval
     *     request on it is pending (the locking read), so a move can skip looking for requests to void
     */
    Operation(OperationSnapshot state, byte[] historyHead, @Nullable Instant timerAt, boolean mayHavePendingApprovals) {
        this.state = state;
        this.historyHead = historyHead.clone();
        this.timerAt = timerAt;
        this.mayHavePendingApprovals = mayHavePendingApprovals;
    }

    /** Whether a move must look for pending approval requests to void (true unless known otherwise). */
    public boolean mayHavePendingApprovals() {
        return mayHavePendingApprovals;
    }

    public static Change create(
            UUID id,
            NewOperation command,
            WorkflowDefinition workflow,
            Actor actor,
            Instant now,
            @Nullable String requestId) {
        return create(id, command, workflow, workflow.initialStage(), List.of(), null, actor, now, requestId);
    }

    /**
     * Brings an operation into being at {@code stage}, which its creator's process reached through {@code moves}
     * from the initial stage in the same transaction (each already allowed by the caller): one history entry, the
     * creation, whose change set lists the moves — who took each and why — so the history stays honest without an
     * entry per move.
     *
     * @param moves each move as recorded: {@code to}, {@code actor} and, when given, {@code reason}
     * @param reason the creator's reason, recorded on the entry
     */
    public static Change create(
            UUID id,
            NewOperation command,
            WorkflowDefinition workflow,
            Stage stage,
            List<Map<String, Object>> moves,
            @Nullable String reason,
            Actor actor,
            Instant now,
            @Nullable String requestId) {
        Stage initial = stage;
        Instant timer = timerAt(workflow, initial, now);
        Instant deadline = command.deadline();
        if (deadline != null) {
            if (timer == null || !deadline.isAfter(now)) {
                throw new IllegalArgumentException("a deadline needs an initial stage with a timer and a moment after "
                        + now + ": " + command.type() + " " + initial.code() + " " + deadline);
            }
            timer = deadline;
        }
        var created = draft(id, command, workflow, initial, now, timer);
        var changes = new java.util.TreeMap<String, Object>();
        changes.put("reference", command.reference());
        changes.put("subject", command.subject());
        changes.put("workflowVersion", workflow.version());
        if (command.amount() != null) {
            changes.put(
                    "amount",
                    Map.of(
                            "value",
                            command.amount().value(),
                            "currency",
                            command.amount().currency().code()));
        }
        changes.put("attributes", JSON.readTree(command.attributesJson()));
        if (deadline != null) {
            changes.put("deadline", deadline.toString());
        }
        if (!moves.isEmpty()) {
            changes.put("moves", moves);
        }
        HistoryEntry entry = seal(new HistoryEntry(
                id,
                1,
                HistoryEntry.CREATED,
                now,
                actor.kind().code(),
                actor.id(),
                actor.name(),
                null,
                null,
                initial.code(),
                initial.status(),
                blankToNull(reason),
                null,
                false,
                JSON.writeValueAsString(changes),
                requestId,
                null,
                new byte[0]));
        var operation = new Operation(created, entry.hash(), timer);
        return new Change(operation, entry, event(operation, entry));
    }

    /** The operation as {@link #create} would bring it into being in its initial stage, nothing written or sealed. */
    public static OperationSnapshot draft(UUID id, NewOperation command, WorkflowDefinition workflow, Instant now) {
        Stage initial = workflow.initialStage();
        return draft(id, command, workflow, initial, now, timerAt(workflow, initial, now));
    }

    private static OperationSnapshot draft(
            UUID id,
            NewOperation command,
            WorkflowDefinition workflow,
            Stage stage,
            Instant now,
            @Nullable Instant timer) {
        return new OperationSnapshot(
                id,
                command.type(),
                workflow.version(),
                command.reference(),
                command.subject(),
                stage.status(),
                stage.code(),
                command.amount(),
                null,
                command.attributesJson(),
                1,
                now,
                now,
                now,
                timer != null ? timer : dueAt(workflow, stage, now));
    }

    /** The operation as it would stand in {@code stage}, for judging a next move before anything is written. */
    public static OperationSnapshot atStage(OperationSnapshot state, Stage stage) {
        return new OperationSnapshot(
                state.id(),
                state.type(),
                state.workflowVersion(),
                state.reference(),
                state.subject(),
                stage.status(),
                stage.code(),
                state.amount(),
                state.assignee(),
                state.attributesJson(),
                state.version(),
                state.createdAt(),
                state.updatedAt(),
                state.updatedAt(),
                state.dueAt());
    }

    /** Applies a move the workflow allowed for this actor. */
    public Change transition(
            Move move,
            WorkflowDefinition workflow,
            Actor actor,
            @Nullable String reason,
            @Nullable String comment,
            Instant now,
            @Nullable String requestId) {
        return transition(move, workflow, actor, reason, comment, "{}", now, requestId);
    }

    /**
     * Applies a move, recording {@code changesJson} (canonical JSON) with it: the approval request it carries
     * out and its checkers, or the pending requests the move voids.
     */
    public Change transition(
            Move move,
            WorkflowDefinition workflow,
            Actor actor,
            @Nullable String reason,
            @Nullable String comment,
            String changesJson,
            Instant now,
            @Nullable String requestId) {
        Stage to = workflow.stage(move.transition().to()).orElseThrow();
        var moved = new OperationSnapshot(
                state.id(),
                state.type(),
                state.workflowVersion(),
                state.reference(),
                state.subject(),
                to.status(),
                to.code(),
                state.amount(),
                state.assignee(),
                state.attributesJson(),
                state.version() + 1,
                state.createdAt(),
                now,
                now,
                dueAt(workflow, to, now));
        HistoryEntry entry = seal(new HistoryEntry(
                state.id(),
                moved.version(),
                HistoryEntry.TRANSITIONED,
                now,
                actor.kind().code(),
                actor.id(),
                actor.name(),
                state.stage(),
                state.status(),
                to.code(),
                to.status(),
                blankToNull(reason),
                blankToNull(comment),
                move.override(),
                changesJson,
                requestId,
                historyHead,
                new byte[0]));
        // a move voids every pending approval request (the caller did so before it): none is left after it
        var operation = new Operation(moved, entry.hash(), timerAt(workflow, to, now), false);
        return new Change(operation, entry, event(operation, entry));
    }

    /** How an assignment came about, recorded with it. */
    public enum AssignAction {
        /** A supervisor set or cleared the assignee. */
        ASSIGN,
        /** Someone took an unassigned operation for themselves. */
        CLAIM,
        /** The assignee, or a supervisor, gave it back to the queue. */
        RELEASE;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Change assign(
            @Nullable String assignee,
            AssignAction action,
            Actor actor,
            @Nullable String reason,
            Instant now,
            @Nullable String requestId) {
        var changes = new java.util.TreeMap<String, @Nullable Object>();
        changes.put("action", action.code());
        changes.put("assignee", assignee);
        changes.put("previousAssignee", state.assignee());
        var assigned = withState(assignee, state.attributesJson(), now);
        return sameStage(
                assigned, HistoryEntry.ASSIGNED, actor, reason, null, JSON.writeValueAsString(changes), now, requestId);
    }

    /**
     * Records something that happened to the operation without changing its stage or fields (the steps of an
     * approval): a history entry of {@code kind} that bumps the version like every change.
     */
    public Change note(
            String kind,
            Actor actor,
            @Nullable String reason,
            @Nullable String comment,
            Map<String, ?> changes,
            Instant now,
            @Nullable String requestId) {
        var noted = withState(state.assignee(), state.attributesJson(), now);
        return sameStage(
                noted,
                kind,
                actor,
                reason,
                comment,
                JSON.writeValueAsString(new java.util.TreeMap<>(changes)),
                now,
                requestId);
    }

    /** Canonical JSON (keys sorted at every level) of changes recorded with a transition. */
    public static String changesJson(Map<String, ?> changes) {
        return JSON.writeValueAsString(new java.util.TreeMap<>(changes));
    }

    /**
     * Replaces the attributes, recording them before and after; announced by an {@link AttributesChanged} naming the
     * top-level keys whose values differ, when any does.
     *
     * @param comment an internal note kept in the history only (never in the event), e.g. who approved the edit
     */
    public Change editAttributes(
            String attributesJson,
            Actor actor,
            @Nullable String reason,
            @Nullable String comment,
            Instant now,
            @Nullable String requestId) {
        return editAttributes(attributesJson, null, actor, reason, comment, now, requestId);
    }

    /**
     * Edits the attributes and, where {@code amount} is given and differs, the amount too (in the same currency:
     * an exchange order's rate change recomputes what the client pays). The history entry's changes carry the
     * amount's before and after beside the attributes'.
     */
    public Change editAttributes(
            String attributesJson,
            @Nullable Money amount,
            Actor actor,
            @Nullable String reason,
            @Nullable String comment,
            Instant now,
            @Nullable String requestId) {
        JsonNode before = JSON.readTree(state.attributesJson());
        JsonNode after = JSON.readTree(attributesJson);
        var changes = new java.util.TreeMap<String, Object>();
        changes.put("before", before);
        changes.put("after", after);
        Money newAmount = state.amount();
        if (amount != null && !amount.equals(state.amount())) {
            if (state.amount() == null || !state.amount().currency().equals(amount.currency())) {
                throw new IllegalArgumentException(
                        "an operation's amount keeps its currency: " + state.amount() + " cannot become " + amount);
            }
            changes.put("amount", Map.of("before", moneyJson(state.amount()), "after", moneyJson(amount)));
            newAmount = amount;
        }
        var edited = withState(state.assignee(), attributesJson, newAmount, now);
        Change change = sameStage(
                edited,
                HistoryEntry.ATTRIBUTES_CHANGED,
                actor,
                reason,
                comment,
                JSON.writeValueAsString(changes),
                now,
                requestId);
        var changed = changedKeys(before, after);
        if (changed.isEmpty()) {
            return change;
        }
        var previous = JSON.createObjectNode();
        changed.forEach(key -> previous.set(key, before.get(key)));
        HistoryEntry entry = change.entry();
        var event = new AttributesChanged(
                UUID.randomUUID(),
                entry.at(),
                entry.actorKind(),
                entry.actorId(),
                entry.actorName(),
                entry.reason(),
                changed,
                JSON.writeValueAsString(previous),
                edited);
        return new Change(change.operation(), entry, event);
    }

    /** The top-level keys added, removed or given another value, sorted. */
    static List<String> changedKeys(JsonNode before, JsonNode after) {
        var keys = new java.util.TreeSet<String>();
        before.propertyNames().forEach(keys::add);
        after.propertyNames().forEach(keys::add);
        return keys.stream()
                .filter(key -> !java.util.Objects.equals(before.get(key), after.get(key)))
                .toList();
    }

    private OperationSnapshot withState(@Nullable String assignee, String attributesJson, Instant now) {
        return withState(assignee, attributesJson, state.amount(), now);
    }

    private static Map<String, String> moneyJson(Money money) {
        return Map.of(
                "value",
                money.amount().toPlainString(),
                "currency",
                money.currency().code());
    }

    private OperationSnapshot withState(
            @Nullable String assignee, String attributesJson, @Nullable Money amount, Instant now) {
        return new OperationSnapshot(
                state.id(),
                state.type(),
                state.workflowVersion(),
                state.reference(),
                state.subject(),
                state.status(),
                state.stage(),
                amount,
                assignee,
                attributesJson,
                state.version() + 1,
                state.createdAt(),
                now,
                state.stageEnteredAt(),
                state.dueAt());
    }

    private Change sameStage(
            OperationSnapshot changed,
            String kind,
            Actor actor,
            @Nullable String reason,
            @Nullable String comment,
            String changesJson,
            Instant now,
            @Nullable String requestId) {
        HistoryEntry entry = seal(new HistoryEntry(
                state.id(),
                changed.version(),
                kind,
                now,
                actor.kind().code(),
                actor.id(),
                actor.name(),
                state.stage(),
                state.status(),
                state.stage(),
                state.status(),
                blankToNull(reason),
                blankToNull(comment),
                false,
                changesJson,
                requestId,
                historyHead,
                new byte[0]));
        return new Change(new Operation(changed, entry.hash(), timerAt), entry, null);
    }

    public OperationSnapshot snapshot() {
        return state;
    }

    byte[] historyHead() {
        return historyHead.clone();
    }

    @Nullable
    Instant timerAt() {
        return timerAt;
    }

    private static HistoryEntry seal(HistoryEntry e) {
        byte[] hash = HistoryChain.hash(e.previousHash(), e);
        return new HistoryEntry(
                e.operationId(),
                e.seq(),
                e.kind(),
                e.at(),
                e.actorKind(),
                e.actorId(),
                e.actorName(),
                e.fromStage(),
                e.fromStatus(),
                e.toStage(),
                e.toStatus(),
                e.reason(),
                e.comment(),
                e.override(),
                e.changesJson(),
                e.requestId(),
                e.previousHash(),
                hash);
    }

    private static StatusChanged event(Operation operation, HistoryEntry entry) {
        return new StatusChanged(
                UUID.randomUUID(),
                entry.at(),
                entry.fromStage(),
                entry.fromStatus(),
                entry.toStage(),
                entry.toStatus(),
                entry.actorKind(),
                entry.actorId(),
                entry.actorName(),
                entry.reason(),
                entry.override(),
                operation.snapshot());
    }

    private static @Nullable Instant timerAt(WorkflowDefinition workflow, Stage stage, Instant now) {
        return workflow.timer(stage.code()).map(t -> now.plus(t.after())).orElse(null);
    }

    /** The timer's deadline where the stage has one, otherwise the end of its SLA. */
    private static @Nullable Instant dueAt(WorkflowDefinition workflow, Stage stage, Instant now) {
        Instant timer = timerAt(workflow, stage, now);
        if (timer != null) {
            return timer;
        }
        return stage.sla() == null ? null : now.plus(stage.sla());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
