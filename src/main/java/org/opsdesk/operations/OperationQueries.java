package org.opsdesk.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.lifecycle.HistoryChainVerifier;
import org.opsdesk.operations.lifecycle.HistoryStore;
import org.opsdesk.operations.lifecycle.Operation;
import org.opsdesk.operations.lifecycle.OperationStore;
import org.opsdesk.operations.outbox.Outbox;
import org.opsdesk.operations.queue.OperationListQuery;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.workflow.WorkflowDefinition;
import org.opsdesk.workflow.Workflows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads operations, their history and the moves open to them, each in a read-only transaction. Callers see only
 * operations of types they may view; others are "not found". Changing them is {@link OperationCommands}.
 */
@Service
public class OperationQueries {

    private final Workflows workflows;
    private final OperationStore store;
    private final HistoryStore history;
    private final Outbox outbox;
    private final MoveRules rules;

    OperationQueries(Workflows workflows, OperationStore store, HistoryStore history, Outbox outbox, MoveRules rules) {
        this.workflows = workflows;
        this.store = store;
        this.history = history;
        this.outbox = outbox;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public OperationSnapshot get(UUID id, Actor actor) {
        return store.find(id)
                .map(Operation::snapshot)
                .filter(s -> actor.may(OperationPermissions.view(s.type())))
                .orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public OperationPage list(OperationFilter filter, @Nullable String cursor, int limit, Actor actor) {
        var query = OperationListQuery.build(filter, visibleTypes(actor), cursor, limit);
        var rows = new ArrayList<>(store.list(query.sql(), query.params()).stream()
                .map(Operation::snapshot)
                .toList());
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = OperationListQuery.cursorAfter(rows.get(limit - 1), filter.sort());
        }
        return new OperationPage(rows, next);
    }

    /**
     * Hands every operation the filter matches (of the types the actor may view, in the filter's order) to
     * {@code each}, one at a time as the database sends them: nothing is collected, so an export of any size runs
     * in constant memory. The read-only transaction is what lets PostgreSQL stream (a cursor needs autocommit
     * off); it holds one connection for as long as {@code each} takes. Returns how many rows were handed over.
     */
    @Transactional(readOnly = true)
    public long export(OperationFilter filter, Actor actor, Consumer<OperationRow> each) {
        var query = OperationListQuery.export(filter, visibleTypes(actor));
        return store.stream(query.sql(), query.params(), each);
    }

    @Transactional(readOnly = true)
    public List<AvailableMove> availableMoves(UUID id, Actor actor) {
        OperationSnapshot current = get(id, actor);
        WorkflowDefinition workflow = workflows.version(current.type(), current.workflowVersion());
        return rules.available(workflow, current, actor).stream()
                .map(m -> new AvailableMove(
                        m.transition().to(),
                        workflow.stage(m.transition().to()).orElseThrow().status(),
                        m.transition().trigger().code(),
                        m.transition().reasonRequired() || m.override(),
                        m.needsApproval(),
                        m.requiredApprovals(),
                        m.override()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID id, Actor actor) {
        get(id, actor);
        return history.of(id);
    }

    /**
     * The change that brought the operation into its current stage — its creation or its latest transition — as
     * the {@link StatusChanged} that announced it (same event id, the operation as it stood right after the
     * change). For what is offered "now" about an operation, such as the manual notifications of its stage. Empty
     * when the outbox no longer holds it: operations loaded into the database without their events (an import, a
     * benchmark's seed) have none, and callers must say so rather than fail.
     */
    @Transactional(readOnly = true)
    public Optional<StatusChanged> lastStatusChange(UUID id, Actor actor) {
        get(id, actor);
        return outbox.latest(id);
    }

    /**
     * The newest edit of the operation's attributes since it entered its current stage, as the {@link
     * AttributesChanged} that announced it: what an attribute-change rule offers "now", beside {@link
     * #lastStatusChange}. Empty when there was none in this stage (or the outbox no longer holds it).
     */
    @Transactional(readOnly = true)
    public Optional<AttributesChanged> lastEditInStage(UUID id, Actor actor) {
        get(id, actor);
        return outbox.latestEditInStage(id);
    }

    @Transactional(readOnly = true)
    public ChainVerification verify(UUID id, Actor actor) {
        Operation operation = store.find(id)
                .filter(o -> actor.may(OperationPermissions.view(o.snapshot().type())))
                .orElseThrow(() -> notFound(id));
        return HistoryChainVerifier.verify(history.of(id), operation);
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return store.isEmpty();
    }

    /** Null when the actor may view every type. */
    private @Nullable List<String> visibleTypes(Actor actor) {
        return actor.may("*") ? null : VisibleTypes.of(workflows, actor);
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("operation", id.toString());
    }
}
