package org.opsdesk.operations.deadletters;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.FreeText;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.lifecycle.ChangeWriter;
import org.opsdesk.operations.lifecycle.OperationStore;
import org.opsdesk.operations.scheduling.DeadLetters;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.RequestIds;
import org.opsdesk.workflow.ReasonRequired;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows the dead letters and releases them, for holders of {@link OperationPermissions#DEAD_LETTERS}, on operations
 * of the types they may view (others are "not found"). A release needs a reason and is recorded in the operation's
 * history ({@link HistoryEntry#DEAD_LETTER_RELEASED}) in the same transaction that clears the dead mark, under the
 * operation's lock (the order every change takes), so the record and the release commit together or not at all.
 */
@Service
class DeadLetterDesk {

    /** How many of each kind a list shows, the oldest first. */
    static final int SHOWN = 100;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDesk.class);
    private static final int ERROR_KEPT = 1_000;

    /** The dead letters one may see: outbox events and timers, the oldest first. */
    record Held(List<DeadLetter> outbox, List<DeadLetter> timers) {}

    private final DeadLetterStore store;
    private final OperationStore operations;
    private final ChangeWriter changes;
    private final Workflows workflows;
    private final Clock clock;

    DeadLetterDesk(
            DeadLetterStore store, OperationStore operations, ChangeWriter changes, Workflows workflows, Clock clock) {
        this.store = store;
        this.operations = operations;
        this.changes = changes;
        this.workflows = workflows;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Held held(Actor actor) {
        require(actor);
        List<String> types = visibleTypes(actor);
        return new Held(store.outbox(types, SHOWN), store.timers(types, SHOWN));
    }

    /**
     * Releases one dead letter to be tried again now and records who did and why in its operation's history.
     *
     * @param kind {@code outbox} or {@code timer}
     * @param id the event's number, or the timer's operation id
     * @return the dead letter as it was before its release
     */
    @Transactional
    public DeadLetter release(String kind, String id, @Nullable String reason, Actor actor) {
        require(actor);
        if (reason == null || reason.isBlank()) {
            throw new ReasonRequired("releasing a dead letter needs a reason");
        }
        FreeText.reason(reason);
        DeadLetter unlocked = find(kind, id, false).orElseThrow(() -> notFound(kind, id));
        var operation = operations
                .lock(unlocked.operationId())
                .filter(o -> actor.may(OperationPermissions.view(o.snapshot().type())))
                .orElseThrow(() -> notFound(kind, id));
        DeadLetter dead = find(kind, id, true).orElseThrow(() -> notFound(kind, id)); // still dead, now locked
        changes.apply(operation.note(
                HistoryEntry.DEAD_LETTER_RELEASED,
                actor,
                reason.strip(),
                null,
                recorded(dead),
                clock.instant(),
                RequestIds.current()));
        if (DeadLetters.OUTBOX.equals(kind)) {
            store.releaseOutbox(Long.parseLong(id));
        } else {
            store.releaseTimer(UUID.fromString(id));
        }
        log.info("{} released dead {} {} of operation {}", actor.id(), kind, id, dead.operationId());
        return dead;
    }

    /**
     * The dead letter (locked after its operation, the order every change takes); empty for an unknown kind or an id
     * that names nothing dead.
     */
    private Optional<DeadLetter> find(String kind, String id, boolean lock) {
        try {
            return switch (kind) {
                case DeadLetters.OUTBOX -> store.outbox(Long.parseLong(id), lock);
                case DeadLetters.TIMER -> store.timer(UUID.fromString(id), lock);
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException notAnId) { // NumberFormatException included
            return Optional.empty();
        }
    }

    private static LinkedHashMap<String, Object> recorded(DeadLetter dead) {
        var recorded = new LinkedHashMap<String, Object>();
        recorded.put("deadLetter", dead.kind());
        recorded.put("item", dead.id());
        recorded.put("failures", dead.failures());
        String error = dead.lastError() == null ? "" : dead.lastError();
        recorded.put("lastError", error.length() > ERROR_KEPT ? error.substring(0, ERROR_KEPT) + "…" : error);
        recorded.put("deadSince", dead.deadSince().toString());
        return recorded;
    }

    private List<String> visibleTypes(Actor actor) {
        return workflows.all().stream()
                .map(WorkflowDefinition::type)
                .filter(type -> actor.may(OperationPermissions.view(type)))
                .toList();
    }

    private static void require(Actor actor) {
        if (!actor.may(OperationPermissions.DEAD_LETTERS)) {
            throw new PermissionDenied(OperationPermissions.DEAD_LETTERS);
        }
    }

    private static NotFound notFound(String kind, String id) {
        return new NotFound("dead letter", kind + " " + id);
    }
}
