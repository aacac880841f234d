package org.opsdesk.operations.timers;

import java.time.Instant;
import java.util.UUID;
import org.opsdesk.operations.lifecycle.Sql;
import org.opsdesk.operations.scheduling.FailureBackoff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failures of operations' timers ({@code operations.timer_failure}): how often the current deadline failed, when
 * to try it again and whether it was given up on. The poller skips what waits or is dead; a row for an older
 * deadline than the operation's current one counts for nothing.
 */
@Repository
class TimerFailures {

    /** How a failure was recorded: the count so far and whether the timer is now dead-lettered. */
    record Recorded(int failures, boolean dead) {}

    private final JdbcClient jdbc;
    private final FailureBackoff backoff;

    TimerFailures(JdbcClient jdbc, FailureBackoff backoff) {
        this.jdbc = jdbc;
        this.backoff = backoff;
    }

    /** Counts one more failure of the operation's current timer and sets its next attempt (or gives up on it). */
    Recorded record(UUID operationId, String error, Instant now) {
        int failures = jdbc.sql(
                        """
                        select case when f.timer_at = o.timer_at then f.failures + 1 else 1 end
                        from operations.operation o left join operations.timer_failure f on f.operation_id = o.id
                        where o.id = ?""")
                .param(operationId)
                .query(Integer.class)
                .optional()
                .orElse(1);
        boolean dead = backoff.dead(failures);
        jdbc.sql(
                        """
                        insert into operations.timer_failure
                          (operation_id, timer_at, failures, next_attempt_at, last_error, dead_at)
                        select id, coalesce(timer_at, ?), ?, ?, ?, ? from operations.operation where id = ?
                        on conflict (operation_id) do update set timer_at = excluded.timer_at,
                          failures = excluded.failures, next_attempt_at = excluded.next_attempt_at,
                          last_error = excluded.last_error, dead_at = excluded.dead_at""")
                .params(
                        Sql.ts(now),
                        failures,
                        Sql.ts(backoff.nextAttempt(failures, now)),
                        error,
                        dead ? Sql.ts(now) : null,
                        operationId)
                .update();
        return new Recorded(failures, dead);
    }

    /** Forgets the failures of a timer that has now fired. */
    void clear(UUID operationId) {
        jdbc.sql("delete from operations.timer_failure where operation_id = ?")
                .param(operationId)
                .update();
    }
}
