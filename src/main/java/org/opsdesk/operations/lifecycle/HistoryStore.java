package org.opsdesk.operations.lifecycle;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.HistoryEntry;
import org.opsdesk.workflow.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends to and reads the history; there is deliberately no update or delete here (nor allowed in the database). */
@Repository
public class HistoryStore {

    private final JdbcClient jdbc;

    public HistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends one entry if {@code source} (the CTE of the operation's row write) has a row; the columns are
     * {@link HistoryField}'s. Appending happens only through {@link ChangeWriter}, with the change it records.
     */
    static String insertSelecting(String source) {
        return HistoryField.insertSelecting(source);
    }

    static List<@Nullable Object> insertParams(HistoryEntry e) {
        return HistoryField.storedValues(e);
    }

    /** Oldest first. */
    public List<HistoryEntry> of(UUID operationId) {
        return jdbc.sql("select * from operations.history_entry where operation_id = ? order by seq")
                .param(operationId)
                .query((rs, n) -> {
                    String fromStatus = rs.getString("from_status");
                    return new HistoryEntry(
                            rs.getObject("operation_id", UUID.class),
                            rs.getLong("seq"),
                            rs.getString("kind"),
                            Sql.instant(rs, "at"),
                            rs.getString("actor_kind"),
                            rs.getString("actor_id"),
                            rs.getString("actor_name"),
                            rs.getString("from_stage"),
                            fromStatus == null ? null : Status.valueOf(fromStatus),
                            rs.getString("to_stage"),
                            Status.valueOf(rs.getString("to_status")),
                            rs.getString("reason"),
                            rs.getString("comment"),
                            rs.getBoolean("override"),
                            rs.getString("changes"),
                            rs.getString("request_id"),
                            rs.getBytes("previous_hash"),
                            rs.getBytes("hash"));
                })
                .list();
    }
}
