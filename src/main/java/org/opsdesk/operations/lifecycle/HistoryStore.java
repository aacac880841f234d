package org.opsdesk.operations.lifecycle;

import java.util.List;
import java.util.UUID;
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

    static final String INSERT =
            """
            insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name,
              from_stage, from_status, to_stage, to_status, reason, comment, override, changes, request_id,
              previous_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    public void append(HistoryEntry e) {
        jdbc.sql(INSERT).params(insertParams(e)).update();
    }

    static List<Object> insertParams(HistoryEntry e) {
        return java.util.Arrays.asList(
                e.operationId(),
                e.seq(),
                e.kind(),
                Sql.ts(e.at()),
                e.actorKind(),
                e.actorId(),
                e.actorName(),
                e.fromStage(),
                e.fromStatus() == null ? null : e.fromStatus().name(),
                e.toStage(),
                e.toStatus().name(),
                e.reason(),
                e.comment(),
                e.override(),
                e.changesJson(),
                e.requestId(),
                e.previousHash(),
                e.hash());
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
