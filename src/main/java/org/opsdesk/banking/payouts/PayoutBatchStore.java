package org.opsdesk.banking.payouts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code banking.payout_batch}: a batch's own details; its items are {@link PayoutItemStore}'s. */
@Repository
class PayoutBatchStore {

    private final JdbcClient jdbc;

    PayoutBatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes batch generations of one account wait for each other until the transaction ends, so the second sees
     * what the first took; the partial unique indexes are what guarantees an order is in one open batch at most.
     */
    void lockAccount(UUID accountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 30))")
                .param("payout_batch:" + accountId)
                .query(Object.class)
                .single();
    }

    void insert(PayoutBatchRow batch, Actor actor) {
        jdbc.sql(
                        """
                        insert into banking.payout_batch (id, bank_account_id, currency, message_id, created_by_kind,
                            created_by_id, created_by_name, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        batch.id(),
                        batch.bankAccountId(),
                        batch.currency(),
                        batch.messageId(),
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        Timestamp.from(batch.createdAt()))
                .update();
    }

    Optional<PayoutBatchRow> find(UUID id) {
        return jdbc.sql("select * from banking.payout_batch where id = ?")
                .param(id)
                .query(PayoutBatchStore::batch)
                .optional();
    }

    /** The batch's row, locked until the transaction ends: a download and an item's change take turns. */
    Optional<PayoutBatchRow> lock(UUID id) {
        return jdbc.sql("select * from banking.payout_batch where id = ? for update")
                .param(id)
                .query(PayoutBatchStore::batch)
                .optional();
    }

    /** Newest first, after {@code after}; {@code limit} rows at most. */
    List<PayoutBatchRow> list(@Nullable UUID accountId, Keyset.@Nullable TimeAndId after, int limit) {
        return jdbc.sql(
                        """
                        select * from banking.payout_batch
                         where (cast(:account as uuid) is null or bank_account_id = :account)
                           and (cast(:at as timestamptz) is null or (created_at, id) < (:at, :id))
                         order by created_at desc, id desc
                         limit :limit""")
                .param("account", accountId)
                .param("at", after == null ? null : Timestamp.from(after.at()))
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query(PayoutBatchStore::batch)
                .list();
    }

    void markSent(UUID batchId, Instant at, LocalDate executionDate, Actor actor) {
        jdbc.sql(
                        """
                        update banking.payout_batch set sent_at = ?, execution_date = ?, sent_by_kind = ?,
                            sent_by_id = ?, sent_by_name = ?
                         where id = ?""")
                .params(Timestamp.from(at), executionDate, actor.kind().code(), actor.id(), actor.name(), batchId)
                .update();
    }

    private static PayoutBatchRow batch(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        java.sql.Date date = rs.getDate("execution_date");
        return new PayoutBatchRow(
                rs.getObject("id", UUID.class),
                rs.getObject("bank_account_id", UUID.class),
                rs.getString("currency"),
                rs.getString("message_id"),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant(),
                date == null ? null : date.toLocalDate(),
                rs.getString("sent_by_name"));
    }
}
