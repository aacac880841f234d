package org.opsdesk.banking.payouts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code banking.payout_batch} and {@code banking.payout_item}. */
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

    /** Of {@code orderIds}, those already in an open batch. */
    Set<UUID> ordersInOpenBatches(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql(
                        "select order_id from banking.payout_item where state in ('IN_BATCH', 'SENT') and order_id = any(?)")
                .param(orderIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    /** The account's refund instructions in no open batch and not paid yet, oldest first. */
    List<OpenRefund> openRefunds(UUID accountId) {
        return jdbc.sql(
                        """
                        select r.id, r.amount, r.currency, r.payee_name, r.payee_iban, r.payee_account, r.payee_bic
                          from banking.refund_instruction r
                         where r.bank_account_id = ?
                           and not exists (select 1 from banking.payout_item i
                                            where i.refund_id = r.id and i.state in ('IN_BATCH', 'SENT', 'CONFIRMED'))
                         order by r.created_at, r.id""")
                .param(accountId)
                .query((rs, n) -> new OpenRefund(
                        rs.getObject("id", UUID.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getString("payee_name"),
                        rs.getString("payee_iban"),
                        rs.getString("payee_account"),
                        rs.getString("payee_bic")))
                .list();
    }

    /** A refund instruction waiting for a batch. */
    record OpenRefund(
            UUID id,
            java.math.BigDecimal amount,
            String currency,
            String payeeName,
            @Nullable String iban,
            @Nullable String accountNumber,
            @Nullable String bic) {}

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

    void insert(PayoutItem item) {
        jdbc.sql(
                        """
                        insert into banking.payout_item (id, batch_id, position, order_id, refund_id, end_to_end_id,
                            creditor_name, creditor_iban, creditor_account, creditor_bic, amount, currency, remittance)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        item.id(),
                        item.batchId(),
                        item.position(),
                        item.orderId(),
                        item.refundId(),
                        item.endToEndId(),
                        item.creditorName(),
                        item.creditorIban(),
                        item.creditorAccount(),
                        item.creditorBic(),
                        item.amount(),
                        item.currency(),
                        item.remittance())
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

    List<PayoutItem> items(UUID batchId) {
        return jdbc.sql("select * from banking.payout_item where batch_id = ? order by position")
                .param(batchId)
                .query(PayoutBatchStore::item)
                .list();
    }

    /** The sent item a statement's debit names by end-to-end id, if any. */
    Optional<PayoutItem> sentByEndToEndId(String endToEndId) {
        return jdbc.sql("select * from banking.payout_item where state = 'SENT' and end_to_end_id = ? limit 1")
                .param(endToEndId)
                .query(PayoutBatchStore::item)
                .optional();
    }

    void markSent(UUID batchId, Instant at, LocalDate executionDate, Actor actor) {
        jdbc.sql(
                        """
                        update banking.payout_batch set sent_at = ?, execution_date = ?, sent_by_kind = ?,
                            sent_by_id = ?, sent_by_name = ?
                         where id = ?""")
                .params(Timestamp.from(at), executionDate, actor.kind().code(), actor.id(), actor.name(), batchId)
                .update();
        jdbc.sql("update banking.payout_item set state = 'SENT' where batch_id = ? and state = 'IN_BATCH'")
                .param(batchId)
                .update();
    }

    /** Settles an open item; false when it was settled meanwhile. */
    boolean settle(
            UUID itemId,
            PayoutItem.State state,
            @Nullable String reason,
            @Nullable Long entryId,
            Actor actor,
            Instant at) {
        return jdbc.sql(
                                """
                        update banking.payout_item set state = ?, settled_reason = ?, settled_entry_id = ?,
                            settled_by_kind = ?, settled_by_id = ?, settled_by_name = ?, settled_at = ?
                         where id = ? and state in ('IN_BATCH', 'SENT')""")
                        .params(
                                state.name(),
                                reason,
                                entryId,
                                actor.kind().code(),
                                actor.id(),
                                actor.name(),
                                Timestamp.from(at),
                                itemId)
                        .update()
                == 1;
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

    private static PayoutItem item(ResultSet rs, int row) throws SQLException {
        Timestamp settled = rs.getTimestamp("settled_at");
        Long entry = rs.getObject("settled_entry_id", Long.class);
        return new PayoutItem(
                rs.getObject("id", UUID.class),
                rs.getObject("batch_id", UUID.class),
                rs.getInt("position"),
                rs.getObject("order_id", UUID.class),
                rs.getObject("refund_id", UUID.class),
                rs.getString("end_to_end_id"),
                rs.getString("creditor_name"),
                rs.getString("creditor_iban"),
                rs.getString("creditor_account"),
                rs.getString("creditor_bic"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("remittance"),
                PayoutItem.State.valueOf(rs.getString("state")),
                rs.getString("settled_reason"),
                entry,
                rs.getString("settled_by_name"),
                settled == null ? null : settled.toInstant());
    }
}
