package org.opsdesk.operations.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.AttributesChanged;
import org.opsdesk.operations.OperationEvent;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.operations.lifecycle.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: events written with the change that caused them, relayed after commit. A row's {@code
 * event_type} says which record its payload is: {@link StatusChanged} (creations and moves) or {@link
 * AttributesChanged} (attribute edits).
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Appends one event if {@code source} (the CTE of the operation's row write) has a row; the casts type the
     * placeholders of the select list. Events are written only with the change that caused them.
     */
    public static String insertSelecting(String source) {
        return "insert into operations.outbox (event_id, event_type, operation_id, payload, occurred_at)"
                + " select ?::uuid, ?::text, ?::uuid, ?::jsonb, ?::timestamptz from " + source;
    }

    public List<Object> insertParams(OperationEvent event) {
        return List.of(
                event.eventId(),
                event.eventType(),
                event.operation().id(),
                json.writeValueAsString(event),
                Sql.ts(event.occurredAt()));
    }

    /**
     * The newest status change of one operation: the change that brought it into its current stage, exactly as it
     * was (or will be) relayed, with its event id. Attribute edits since do not count. Empty for an operation loaded
     * without events; {@link OutboxRetention} never removes it.
     */
    public Optional<StatusChanged> latest(UUID operationId) {
        return jdbc.sql(
                        """
                        select payload::text from operations.outbox where operation_id = ? and event_type = ?
                        order by id desc limit 1""")
                .params(operationId, StatusChanged.TYPE)
                .query((rs, n) -> json.readValue(rs.getString(1), StatusChanged.class))
                .optional();
    }

    /**
     * The newest attribute edit of one operation made since it entered its current stage (after {@link #latest}),
     * if any; {@link OutboxRetention} keeps each operation's newest.
     */
    public Optional<AttributesChanged> latestEditInStage(UUID operationId) {
        return jdbc.sql(
                        """
                        select a.payload::text from operations.outbox a
                        where a.operation_id = ? and a.event_type = ?
                          and not exists (select 1 from operations.outbox s
                                          where s.operation_id = a.operation_id and s.event_type = ? and s.id > a.id)
                        order by a.id desc limit 1""")
                .params(operationId, AttributesChanged.TYPE, StatusChanged.TYPE)
                .query((rs, n) -> json.readValue(rs.getString(1), AttributesChanged.class))
                .optional();
    }

    /**
     * An unpublished event as stored; its payload is read by {@link #event}, so one unreadable row (or one of a type
     * this node does not know) fails alone.
     */
    record Pending(long id, String type, String payload) {}

    private static final String RELAYABLE =
            """
            select id, event_type, payload::text from operations.outbox
            where published_at is null and dead_at is null and (next_attempt_at is null or next_attempt_at <= ?)""";

    /**
     * Claims unpublished events in order; rows another node is relaying are skipped, not waited for, and so are
     * events waiting to be tried again after a failure and dead-lettered ones.
     */
    List<Pending> claim(int limit, Instant now) {
        return jdbc.sql(RELAYABLE + " order by id limit ? for update skip locked")
                .params(Sql.ts(now), limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Claims one event, if it is still to be relayed and no other node holds it. */
    Optional<Pending> claim(long id, Instant now) {
        return jdbc.sql(RELAYABLE + " and id = ? for update skip locked")
                .params(Sql.ts(now), id)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    OperationEvent event(Pending pending) {
        Class<? extends OperationEvent> type =
                switch (pending.type()) {
                    case StatusChanged.TYPE -> StatusChanged.class;
                    case AttributesChanged.TYPE -> AttributesChanged.class;
                    default -> throw new IllegalStateException("unknown outbox event type '" + pending.type() + "'");
                };
        return json.readValue(pending.payload(), type);
    }

    /** Failures in a row of one event so far (locks the row for the update that follows). */
    int failures(long id) {
        return jdbc.sql("select failures from operations.outbox where id = ? for update")
                .param(id)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    void markFailed(long id, int failures, Instant nextAttempt, String error, @Nullable Instant deadAt) {
        jdbc.sql(
                        """
                        update operations.outbox set failures = ?, next_attempt_at = ?, last_error = ?, dead_at = ?
                        where id = ?""")
                .params(failures, Sql.ts(nextAttempt), error, Sql.ts(deadAt), id)
                .update();
    }

    void markPublished(List<Long> ids, Instant now) {
        jdbc.sql("update operations.outbox set published_at = ? where id = any(?)")
                .params(Sql.ts(now), ids.toArray(Long[]::new))
                .update();
    }
}
