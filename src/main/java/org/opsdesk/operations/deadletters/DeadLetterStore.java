package org.opsdesk.operations.deadletters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.operations.lifecycle.Sql;
import org.opsdesk.operations.scheduling.DeadLetters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dead-lettered rows of {@code operations.outbox} and {@code operations.timer_failure}, with their operation's
 * type, and their release: the dead mark and the back-off cleared, the failure count back to zero, so the relay or
 * the timer poller tries the item at its next poll. Dead letters are few (an index holds just them); a list shows
 * the oldest first.
 */
@Repository
class DeadLetterStore {

    private static final String OUTBOX =
            """
            select x.id::text, x.operation_id, o.type, x.event_type, null as stage, x.failures, x.last_error, x.dead_at
            from operations.outbox x join operations.operation o on o.id = x.operation_id
            where x.dead_at is not null""";

    private static final String TIMERS =
            """
            select f.operation_id::text, f.operation_id, o.type, null as event_type, o.stage, f.failures, f.last_error,
              f.dead_at
            from operations.timer_failure f join operations.operation o on o.id = f.operation_id
            where f.dead_at is not null""";

    private final JdbcClient jdbc;

    DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The oldest dead outbox events on operations of these types. */
    List<DeadLetter> outbox(List<String> types, int limit) {
        return jdbc.sql(OUTBOX + " and o.type = any(?) order by x.dead_at, x.id limit ?")
                .params(types.toArray(String[]::new), limit)
                .query((rs, n) -> row(DeadLetters.OUTBOX, rs))
                .list();
    }

    /** The oldest dead timers on operations of these types. */
    List<DeadLetter> timers(List<String> types, int limit) {
        return jdbc.sql(TIMERS + " and o.type = any(?) order by f.dead_at, f.operation_id limit ?")
                .params(types.toArray(String[]::new), limit)
                .query((rs, n) -> row(DeadLetters.TIMER, rs))
                .list();
    }

    /** One dead outbox event, locked until the transaction ends if {@code lock}. */
    Optional<DeadLetter> outbox(long id, boolean lock) {
        return jdbc.sql(OUTBOX + " and x.id = ?" + (lock ? " for update of x" : ""))
                .param(id)
                .query((rs, n) -> row(DeadLetters.OUTBOX, rs))
                .optional();
    }

    /** One dead timer, locked until the transaction ends if {@code lock}. */
    Optional<DeadLetter> timer(UUID operationId, boolean lock) {
        return jdbc.sql(TIMERS + " and f.operation_id = ?" + (lock ? " for update of f" : ""))
                .param(operationId)
                .query((rs, n) -> row(DeadLetters.TIMER, rs))
                .optional();
    }

    void releaseOutbox(long id) {
        jdbc.sql(
                        """
                        update operations.outbox
                        set dead_at = null, failures = 0, next_attempt_at = null, last_error = null
                        where id = ? and dead_at is not null""")
                .param(id)
                .update();
    }

    /** The timer's failures are forgotten: it is due again at once (its deadline has passed). */
    void releaseTimer(UUID operationId) {
        jdbc.sql("delete from operations.timer_failure where operation_id = ? and dead_at is not null")
                .param(operationId)
                .update();
    }

    private static DeadLetter row(String kind, ResultSet rs) throws SQLException {
        return new DeadLetter(
                kind,
                rs.getString(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                Objects.requireNonNull(Sql.instant(rs, 8)));
    }
}
