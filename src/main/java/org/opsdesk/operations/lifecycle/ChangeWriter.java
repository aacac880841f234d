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
