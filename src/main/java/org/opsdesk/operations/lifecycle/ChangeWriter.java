package org.opsdesk.operations.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.operations.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate batchWriter;
    private final Outbox outbox;

    public ChangeWriter(JdbcClient jdbc, JdbcTemplate batchWriter, Outbox outbox) {
        this.jdbc = jdbc;
        this.batchWriter = batchWriter;
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
     * Writes changes to existing operations, whose row locks the caller holds, in their order (two changes of one
     * operation follow each other): each is the statement {@link #write} runs, sent as one JDBC batch per statement
     * kind and run of consecutive changes of that kind, so a thousand changes cost a few round trips, not a thousand.
     */
    public void applyAll(java.util.List<Operation.Change> all) {
        if (all.isEmpty()) {
            return;
        }
        if (all.stream().anyMatch(change -> change.creation() || edit(change))) {
            applyBatched(all);
            return;
        }
        // moves only: each operation's row takes its last change's state, every change adds its entry and event
        var last = new java.util.LinkedHashMap<java.util.UUID, Operation>();
        all.forEach(change -> last.put(change.operation().snapshot().id(), change.operation()));
        int updated = jdbc.sql(UPDATE_UNNEST).params(rowColumns(last.values())).update();
        if (updated != last.size()) {
            throw new IllegalStateException(updated + " of " + last.size() + " operations written");
        }
        jdbc.sql(HistoryField.insertUnnest())
                .params(HistoryField.textColumns(
                                all.stream().map(Operation.Change::entry).toList())
                        .toArray())
                .update();
        var events = all.stream()
                .map(Operation.Change::event)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (!events.isEmpty()) {
            var columns = new java.util.ArrayList<String[]>();
            for (int c = 0; c < 5; c++) {
                columns.add(new String[events.size()]);
            }
            for (int i = 0; i < events.size(); i++) {
                var values = outbox.insertParams(events.get(i));
                for (int c = 0; c < 5; c++) {
                    columns.get(c)[i] = Sql.text(values.get(c));
                }
            }
            jdbc.sql(OUTBOX_UNNEST).params(columns.toArray()).update();
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

    /** The rows' {@link OperationStore#UPDATE} values, column by column, as text arrays. */
    private static Object[] rowColumns(java.util.Collection<Operation> operations) {
        int n = operations.size();
        var columns = new String[10][n];
        int i = 0;
        for (Operation operation : operations) {
            var values = OperationStore.updateParams(operation, false);
            for (int c = 0; c < 10; c++) {
                columns[c][i] = Sql.text(values.get(c));
            }
            i++;
        }
        return columns;
    }

    private void applyBatched(java.util.List<Operation.Change> all) {
        int from = 0;
        while (from < all.size()) {
            String sql = sqlOf(all.get(from));
            int to = from;
            var batch = new ArrayList<@Nullable Object[]>();
            while (to < all.size() && sqlOf(all.get(to)).equals(sql)) {
                batch.add(paramsOf(all.get(to)).toArray());
                to++;
            }
            int[] written = batchWriter.batchUpdate(sql, batch);
            for (int i = 0; i < written.length; i++) {
                if (written[i] != 1) {
                    throw new IllegalStateException("change to operation "
                            + all.get(from + i).operation().snapshot().id() + " not written");
                }
            }
            from = to;
        }
    }

    /** Writes a change to an existing operation, whose row lock the caller holds. */
    public void apply(Operation.Change change) {
        if (!write(change)) {
            throw new IllegalStateException(
                    "change to operation " + change.operation().snapshot().id() + " not written");
        }
    }
}
