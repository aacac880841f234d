package org.opsdesk.exchange.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.PaymentOrders.Candidate;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link org.opsdesk.exchange.PaymentOrders}: orders found in bulk for a statement's payments (one
 * query for a batch of references or payers, never one per entry) and the order's row lock that puts two payments
 * of one order one after the other.
 */
@Repository
public class PaymentOrderStore {

    private static final String COLUMNS = "operation_id, payment_reference, pay_amount, pay_currency, pay_from_iban,"
            + " pay_in_account_id, created_at, deadline";

    private final JdbcClient jdbc;
    private final Currencies currencies;

    PaymentOrderStore(JdbcClient jdbc, Currencies currencies) {
        this.jdbc = jdbc;
        this.currencies = currencies;
    }

    /** The orders with these references (the unique index on payment_reference answers it). */
    public List<Candidate> byReferences(Collection<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from exchange.order_detail where payment_reference = any(?)")
                .param(references.toArray(String[]::new))
                .query(this::candidate)
                .list();
    }

    /**
     * The orders whose window (placed … deadline) overlaps the days {@code from … to}, paid from one of {@code ibans}
     * by the order's own word, or placed by one of the clients of {@code clientIbans} (subject → their registered
     * IBANs among those asked about, which each such candidate carries). Two index scans in one statement.
     */
    public List<Candidate> byPayers(
            Collection<String> ibans, Map<String, Set<String>> clientIbans, LocalDate from, LocalDate to) {
        if (ibans.isEmpty() && clientIbans.isEmpty()) {
            return List.of();
        }
        String byPayer = "select " + COLUMNS + ", client_subject from exchange.order_detail where ";
        String inWindow = " and created_at < :until and deadline >= :since";
        return jdbc.sql(byPayer + "pay_from_iban = any(:ibans)" + inWindow + " union " + byPayer
                        + "client_subject = any(:subjects)" + inWindow)
                .param("ibans", ibans.toArray(String[]::new))
                .param("subjects", clientIbans.keySet().toArray(String[]::new))
                .param("until", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
                .param("since", from.atStartOfDay().atOffset(ZoneOffset.UTC))
                .query((rs, row) ->
                        withClientIbans(candidate(rs, row), clientIbans.get(rs.getString("client_subject"))))
                .list();
    }

    private static Candidate withClientIbans(Candidate order, @Nullable Set<String> ibans) {
        return ibans == null
                ? order
                : new Candidate(
                        order.orderId(),
                        order.reference(),
                        order.amount(),
                        order.payFromIban(),
                        order.payInAccountId(),
                        order.createdAt(),
                        order.deadline(),
                        ibans);
    }

    /** These orders. */
    public List<Candidate> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from exchange.order_detail where operation_id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(this::candidate)
                .list();
    }

    /** Locks the order's row until the transaction ends; false when there is no such order. */
    boolean lock(UUID id) {
        return jdbc.sql("select operation_id from exchange.order_detail where operation_id = ? for update")
                .param(id)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    private Candidate candidate(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("pay_currency");
        var currency = currencies
                .find(code)
                .orElseThrow(() -> new IllegalStateException("order stored in a currency no longer known: " + code));
        return new Candidate(
                rs.getObject("operation_id", UUID.class),
                rs.getString("payment_reference"),
                new Money(rs.getBigDecimal("pay_amount"), currency),
                rs.getString("pay_from_iban"),
                rs.getObject("pay_in_account_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("deadline", OffsetDateTime.class).toInstant());
    }
}
