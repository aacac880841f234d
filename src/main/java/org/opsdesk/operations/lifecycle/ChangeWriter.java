package org.opsdesk.operations.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one write path of every change, the creation included: the operation's row (inserted for a creation,
 * updated otherwise), its chained history entry and, for a stage change or an attribute edit, its outbox event, as
 * one SQL statement
 * (data-modifying CTEs). The entry and the event are written only if the row was, so a creation that meets an
 * existing reference writes nothing at all. The status counters follow the row by trigger, in the same statement.
 * Same transaction and the same all-or-nothing as separate statements, with one round trip instead of three; the
 * benchmark in docs/benchmarks.md measured the difference.
 */
@Repository
public class ChangeWriter {

    private static final String ROW = "written";
    /** The statements, built once rather than per change (string building showed in the profile, ADR 0019). */
    private static final String CREATE = statement(OperationStore.INSERT, false);

    private static final String CREATE_WITH_EVENT = statement(OperationStore.INSERT, true);
    private static final String UPDATE = statement(OperationStore.UPDATE, false);
    private static final String UPDATE_WITH_EVENT = statement(OperationStore.UPDATE, true);
    private static final String EDIT = statement(OperationStore.EDIT, false);
    private static final String EDIT_WITH_EVENT = statement(OperationStore.EDIT, true);

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public ChangeWriter(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * Writes a change; false only for a creation whose type and reference another operation has already (then
     * nothing is written). For any other change the caller holds the operation's row lock.
     */
    public boolean write(Operation.Change change) {
        return jdbc.sql(sqlOf(change)).params(paramsOf(change)).update() == 1;
    }

    private static String sqlOf(Operation.Change change) {
        boolean withEvent = change.event() != null;
        if (change.creation()) {
            return withEvent ? CREATE_WITH_EVENT : CREATE;
        }
        return edit(change) ? (withEvent ? EDIT_WITH_EVENT : EDIT) : (withEvent ? UPDATE_WITH_EVENT : UPDATE);
    }

    private List<@Nullable Object> paramsOf(Operation.Change change) {
        var params = new ArrayList<@Nullable Object>();
        if (change.creation()) {
            params.addAll(OperationStore.insertParams(change.operation()));
        } else {
            params.addAll(OperationStore.updateParams(change.operation(), edit(change)));
        }
        params.addAll(HistoryStore.insertParams(change.entry()));
        if (change.event() != null) {
            params.addAll(outbox.insertParams(change.event()));
        }
        return params;
    }

    private static boolean edit(Operation.Change change) {
        return HistoryEntry.ATTRIBUTES_CHANGED.equals(change.entry().kind());
    }

    private static String statement(String row, boolean withEvent) {
        if (!withEvent) {
            return "with " + ROW + " as (" + row + ") " + HistoryStore.insertSelecting(ROW);
        }
        return "with " + ROW + " as (" + row + "), appended as (" + HistoryStore.insertSelecting(ROW) + ") "
                + Outbox.insertSelecting(ROW);
    }

    /**
     * Writes moves of existing operations, whose row locks the caller holds, in their order (two moves of one
     * operation follow each other), set-based: each row to its last move's state by one {@code update … from
     * unnest}, every chained history entry and every event by one {@code insert … select from unnest} each — three
     * statements for a thousand moves (ADR 0032). The status counters' statement trigger sees each row once, from
     * its first stage to its last: the same net counts.
     *
     * @throws IllegalArgumentException for a creation or an attribute edit, which {@link #write} writes
     */
    public void applyAll(List<Operation.Change> moves) {
        if (moves.isEmpty()) {
            return;
        }
        if (moves.stream().anyMatch(change -> change.creation() || edit(change))) {
            throw new IllegalArgumentException("applyAll writes moves only, not creations or attribute edits");
        }
        var last = new java.util.LinkedHashMap<java.util.UUID, Operation>();
        moves.forEach(change -> last.put(change.operation().snapshot().id(), change.operation()));
        var rows = last.values().stream()
                .map(operation -> OperationStore.updateParams(operation, false))
                .toList();
        int updated = jdbc.sql(UPDATE_UNNEST).params(textColumns(rows, 10)).update();
        if (updated != last.size()) {
            throw new IllegalStateException(updated + " of " + last.size() + " operations written");
        }
        jdbc.sql(HistoryField.insertUnnest())
                .params(HistoryField.textColumns(
                                moves.stream().map(Operation.Change::entry).toList())
                        .toArray())
                .update();
        var events = moves.stream()
                .map(Operation.Change::event)
                .filter(java.util.Objects::nonNull)
                .map(outbox::insertParams)
                .toList();
        if (!events.isEmpty()) {
            jdbc.sql(OUTBOX_UNNEST).params(textColumns(events, 5)).update();
        }
    }

    private static final String UPDATE_UNNEST =
            """
            update operations.operation o set status = t.status, stage = t.stage, assignee = t.assignee,
              version = t.version, updated_at = t.updated_at, stage_entered_at = t.stage_entered_at, due_at = t.due_at,
              timer_at = t.timer_at, history_head = t.history_head
            from unnest(?::text[], ?::text[], ?::text[], ?::text[]::bigint[], ?::text[]::timestamptz[],
                   ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]::bytea[],
                   ?::text[]::uuid[])
              as t(status, stage, assignee, version, updated_at, stage_entered_at, due_at, timer_at, history_head, id)
            where o.id = t.id""";

    private static final String OUTBOX_UNNEST =
            """
            insert into operations.outbox (event_id, event_type, operation_id, payload, occurred_at)
            select * from unnest(?::text[]::uuid[], ?::text[], ?::text[]::uuid[], ?::text[]::jsonb[],
                   ?::text[]::timestamptz[])""";

    /** Rows of bound values turned into {@code width} text arrays, one per column, for an {@code unnest}. */
    private static Object[] textColumns(List<? extends List<?>> rows, int width) {
        var columns = new String[width][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < width; c++) {
                columns[c][i] = Sql.text(rows.get(i).get(c));
            }
        }
        return columns;
    }

    /** Writes a change to an existing operation, whose row lock the caller holds. */
    public void apply(Operation.Change change) {
        if (!write(change)) {
            throw new IllegalStateException(
                    "change to operation " + change.operation().snapshot().id() + " not written");
        }
    }
}
