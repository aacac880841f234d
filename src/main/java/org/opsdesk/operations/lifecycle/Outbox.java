package org.opsdesk.operations.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.operations.StatusChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The transactional outbox: events written with the change that caused them, relayed after commit. */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static final String INSERT =
            "insert into operations.outbox (event_id, event_type, operation_id, payload, occurred_at) values (?, ?, ?, ?::jsonb, ?)";

    public void append(StatusChanged event) {
        jdbc.sql(INSERT).params(insertParams(event)).update();
    }

    List<Object> insertParams(StatusChanged event) {
        return List.of(
                event.eventId(),
                StatusChanged.TYPE,
                event.operation().id(),
                json.writeValueAsString(event),
                Sql.ts(event.occurredAt()));
    }

    /**
     * The newest event of one operation: the change that brought it into its current stage, exactly as it was
     * (or will be) relayed, with its event id. Empty for an operation loaded without events; {@link OutboxRetention}
     * never removes it.
     */
    public Optional<StatusChanged> latest(UUID operationId) {
        return jdbc.sql(
                        """
                        select payload::text from operations.outbox where operation_id = ?
                        order by id desc limit 1""")
                .param(operationId)
                .query((rs, n) -> json.readValue(rs.getString(1), StatusChanged.class))
                .optional();
    }

    record Pending(long id, StatusChanged event) {}

    /** Claims unpublished events in order; rows another node is relaying are skipped, not waited for. */
    List<Pending> claim(int limit) {
        return jdbc.sql(
                        """
                        select id, payload::text from operations.outbox where published_at is null
                        order by id limit ? for update skip locked""")
                .param(limit)
                .query((rs, n) -> new Pending(rs.getLong(1), json.readValue(rs.getString(2), StatusChanged.class)))
                .list();
    }

    void markPublished(List<Long> ids, Instant now) {
        jdbc.sql("update operations.outbox set published_at = ? where id = any(?)")
                .params(Sql.ts(now), ids.toArray(Long[]::new))
                .update();
    }
}
