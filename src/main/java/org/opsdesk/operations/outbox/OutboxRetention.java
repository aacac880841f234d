package org.opsdesk.operations.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes relayed outbox events once they are older than {@code opsdesk.outbox.retention}, so the outbox does not
 * grow with every change ever made. Kept: every event not relayed yet, and each operation's newest event of each type:
 * its newest status change is what its current stage offers (manual notifications read it through {@link
 * Outbox#latest}), its newest attribute edit what was changed in that stage ({@link Outbox#latestEditInStage}). The history, not the
 * outbox, is the record of what happened; deliveries keep their own copy of what they sent.
 *
 * <p>Reads the events older than the cutoff in id order, a thousand at a time, and deletes the removable ones of
 * each batch in its own short transaction, so relaying and new changes never wait long behind it. Several nodes
 * may run it at once: a batch deletes only rows that are still there and skips rows another node holds.
 */
@Component
public class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retention;

    OutboxRetention(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${opsdesk.outbox.retention}") Duration retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeOld() {
        long removed = purgeRelayedBefore(clock.instant().minus(retention));
        if (removed > 0) {
            log.info("Removed {} relayed outbox events older than {}", removed, retention);
        }
    }

    /**
     * Removes the events relayed before {@code cutoff} that are not their operation's newest of their type.
     *
     * @return how many were removed
     */
    public long purgeRelayedBefore(Instant cutoff) {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        long after = 0;
        long removed = 0;
        while (true) {
            List<Long> ids = jdbc.sql(
                            """
                            select id from operations.outbox
                            where id > ? and occurred_at < ? order by id limit ?""")
                    .params(after, before, BATCH)
                    .query(Long.class)
                    .list();
            if (ids.isEmpty()) {
                return removed;
            }
            Integer deleted = transactions.execute(status -> jdbc.sql(
                            """
                            delete from operations.outbox o
                            where o.id in (
                              select c.id from operations.outbox c
                              where c.id = any(?) and c.published_at < ?
                                and exists (select 1 from operations.outbox n
                                            where n.operation_id = c.operation_id and n.event_type = c.event_type
                                              and n.id > c.id)
                              for update skip locked)""")
                    .params(ids.toArray(Long[]::new), before)
                    .update());
            removed += deleted == null ? 0 : deleted;
            after = ids.get(ids.size() - 1);
            if (ids.size() < BATCH) {
                return removed;
            }
        }
    }
}
