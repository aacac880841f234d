package org.opsdesk.exchange.orders;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a payout transfer needs of the orders paid out from one office account: read from {@code
 * exchange.order_detail} and the account's bank (a same-bank payout carries the office account's BIC, which is the
 * payee's bank too). Which orders wait for payout is the operations module's answer (their stage); this only narrows
 * those to one account. Public for the module's {@code PayoutOrders} facade only.
 */
@Repository
public class PayoutOrderStore {

    /** One order's payout, as stored. */
    public record Row(
            UUID orderId,
            String paymentReference,
            BigDecimal receiveAmount,
            String receiveCurrency,
            String payeeName,
            @Nullable String iban,
            @Nullable String accountNumber,
            @Nullable String bic,
            boolean paired) {}

    private final JdbcClient jdbc;

    PayoutOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code orderIds} paid out from {@code accountId}: same-bank pairs first, then oldest first. */
    public List<Row> paidOutFrom(UUID accountId, Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select d.operation_id, d.payment_reference, d.receive_amount, d.receive_currency,
                               d.payout_name, d.payout_iban, d.payout_account, d.payout_paired,
                               case when d.payout_paired then a.bic end as bic
                          from exchange.order_detail d
                          left join exchange.bank_account a on a.id = d.payout_from_id
                         where d.payout_from_id = :account and d.operation_id = any(:ids)
                         order by d.payout_paired desc, d.created_at, d.operation_id""")
                .param("account", accountId)
                .param("ids", orderIds.toArray(UUID[]::new))
                .query(PayoutOrderStore::row)
                .list();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getObject("operation_id", UUID.class),
                rs.getString("payment_reference"),
                rs.getBigDecimal("receive_amount"),
                rs.getString("receive_currency"),
                rs.getString("payout_name"),
                rs.getString("payout_iban"),
                rs.getString("payout_account"),
                rs.getString("bic"),
                rs.getBoolean("payout_paired"));
    }
}
