package org.opsdesk.banking.payouts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code banking.payout_item}, and the refund instructions waiting for a batch. */
@Repository
class PayoutItemStore {

    private final JdbcClient jdbc;

    PayoutItemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    List<PayoutItem> items(UUID batchId) {
        return jdbc.sql("select * from banking.payout_item where batch_id = ? order by position")
                .param(batchId)
                .query(PayoutItemStore::item)
                .list();
    }

    /** The sent item a statement's debit names by end-to-end id, if any. */
    Optional<PayoutItem> sentByEndToEndId(String endToEndId) {
        return jdbc.sql("select * from banking.payout_item where state = 'SENT' and end_to_end_id = ? limit 1")
                .param(endToEndId)
                .query(PayoutItemStore::item)
                .optional();
    }

    /**
     * The items a statement's entries may settle, by end-to-end id: sent ones (a debit confirms them, a credit
     * returns them) and confirmed ones (a credit returns them after all). One query for a slice of entries.
     */
    List<PayoutItem> settleableByEndToEndIds(Collection<String> endToEndIds) {
        if (endToEndIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select * from banking.payout_item
                         where state in ('SENT', 'CONFIRMED') and end_to_end_id = any(?)""")
                .param(endToEndIds.toArray(String[]::new))
                .query(PayoutItemStore::item)
                .list();
    }

    /** The batch's items not sent yet go with its file. */
    void markSent(UUID batchId) {
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
        return settleFrom(itemId, OPEN, state, reason, entryId, actor, at);
    }

    private static final List<PayoutItem.State> OPEN = List.of(PayoutItem.State.IN_BATCH, PayoutItem.State.SENT);

    /** Settles an item in one of the states {@code from}; false when it is in none of them (any more). */
    boolean settleFrom(
            UUID itemId,
            Collection<PayoutItem.State> from,
            PayoutItem.State state,
            @Nullable String reason,
            @Nullable Long entryId,
            Actor actor,
            Instant at) {
        return jdbc.sql(
                                """
                        update banking.payout_item set state = ?, settled_reason = ?, settled_entry_id = ?,
                            settled_by_kind = ?, settled_by_id = ?, settled_by_name = ?, settled_at = ?
                         where id = ? and state = any(?)""")
                        .params(
                                state.name(),
                                reason,
                                entryId,
                                actor.kind().code(),
                                actor.id(),
                                actor.name(),
                                Timestamp.from(at),
                                itemId,
                                from.stream().map(Enum::name).toArray(String[]::new))
                        .update()
                == 1;
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
