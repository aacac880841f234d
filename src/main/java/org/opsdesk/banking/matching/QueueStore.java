package org.opsdesk.banking.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments queue's reads (keyset pages, one entry with its log) and the decisions' writes. */
@Repository
class QueueStore {

    private static final String SELECT =
            """
            select m.*, e.booking_date, e.amount, e.currency, e.counterparty_name, e.counterparty_iban,
                   e.counterparty_bic, e.remittance, e.bank_reference, e.end_to_end_id, e.raw
              from banking.payment_match m join banking.statement_entry e on e.id = m.entry_id
            """;

    private final JdbcClient jdbc;

    QueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a page ends: the newest first, by when the entry was matched, then by entry. */
    record Position(Instant matchedAt, long entryId) {}

    /** What a page shows: a state (null: every state), a reason, an office account, an import; null: any. */
    record Filter(@Nullable String state, @Nullable String reason, @Nullable UUID account, @Nullable UUID importId) {}

    List<QueuedEntry> page(Filter filter, @Nullable Position after, int limit) {
        return jdbc.sql(
                        SELECT
                                + """
                         where (cast(:state as text) is null or m.state = :state)
                           and (cast(:import as uuid) is null or m.import_id = :import)
                           and (cast(:reason as text) is null or m.queue_reason = :reason)
                           and (cast(:account as uuid) is null or m.bank_account_id = :account)
                           and (cast(:at as timestamptz) is null or (m.matched_at, m.entry_id) < (:at, :entry))
                         order by m.matched_at desc, m.entry_id desc
                         limit :limit""")
                .param("state", filter.state())
                .param("import", filter.importId())
                .param("reason", filter.reason())
                .param("account", filter.account())
                .param("at", after == null ? null : Timestamp.from(after.matchedAt()))
                .param("entry", after == null ? 0L : after.entryId())
                .param("limit", limit)
                .query(QueueStore::row)
                .list();
    }

    Optional<QueuedEntry> find(long entryId) {
        return jdbc.sql(SELECT + " where m.entry_id = ?")
                .param(entryId)
                .query(QueueStore::row)
                .optional();
    }

    /** The entry's row, locked until the transaction ends: one decision at a time, and none on a decided one. */
    Optional<QueuedEntry> lock(long entryId) {
        return jdbc.sql(SELECT + " where m.entry_id = ? for update of m")
                .param(entryId)
                .query(QueueStore::row)
                .optional();
    }

    /** What the entries linked to the order so far add up to (in its currency; others do not count). */
    java.math.BigDecimal linkedTotal(UUID orderId, String currency) {
        return jdbc.sql(
                        """
                        select coalesce(sum(e.amount), 0) from banking.payment_match m
                          join banking.statement_entry e on e.id = m.entry_id
                         where m.order_id = ? and m.state in ('LINKED', 'MATCHED') and e.currency = ?""")
                .params(orderId, currency)
                .query(java.math.BigDecimal.class)
                .single();
    }

    void decide(long entryId, String state, @Nullable UUID orderId, @Nullable String stage, Actor actor, Instant at) {
        jdbc.sql(
                        """
                        update banking.payment_match
                           set state = ?, order_id = coalesce(?, order_id), order_stage = coalesce(?, order_stage),
                               decided_by_kind = ?, decided_by_id = ?, decided_by_name = ?, decided_at = ?
                         where entry_id = ? and state = 'QUEUED'""")
                .params(
                        state,
                        orderId,
                        stage,
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        Timestamp.from(at),
                        entryId)
                .update();
    }

    /** One decision of the entry's log. */
    record Decision(String decision, @Nullable UUID orderId, String reason, String actorName, Instant at) {}

    List<Decision> decisions(long entryId) {
        return jdbc.sql("select decision, order_id, reason, actor_name, at from banking.payment_decision"
                        + " where entry_id = ? order by id")
                .param(entryId)
                .query((rs, row) -> new Decision(
                        rs.getString("decision"),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("reason"),
                        rs.getString("actor_name"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static QueuedEntry row(ResultSet rs, int row) throws SQLException {
        var decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new QueuedEntry(
                rs.getLong("entry_id"),
                rs.getObject("import_id", UUID.class),
                rs.getObject("bank_account_id", UUID.class),
                rs.getString("state"),
                rs.getString("queue_reason"),
                rs.getString("rule"),
                rs.getInt("score"),
                rs.getString("evidence"),
                Arrays.asList((UUID[]) rs.getArray("candidates").getArray()),
                rs.getObject("order_id", UUID.class),
                rs.getString("order_stage"),
                rs.getObject("booking_date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("counterparty_name"),
                rs.getString("counterparty_iban"),
                rs.getString("counterparty_bic"),
                rs.getString("remittance"),
                rs.getString("bank_reference"),
                rs.getString("end_to_end_id"),
                rs.getString("raw"),
                rs.getObject("matched_at", OffsetDateTime.class).toInstant(),
                rs.getString("decided_by_name"),
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
