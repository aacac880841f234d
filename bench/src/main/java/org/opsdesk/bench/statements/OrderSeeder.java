package org.opsdesk.bench.statements;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opsdesk.exchange.orders.PaymentReference;

/**
 * Open exchange orders written by SQL, as placing them leaves them (the operation at {@code awaiting_payment} with
 * its creation in the history, the order's exchange details): a client pays {@code pay} PLN into the office's PLN
 * account for EUR at 4.3000, by a deadline a day away. The application is not asked: a 100,000-order backlog through
 * the API would take minutes and measure something else.
 */
final class OrderSeeder {

    /** One seeded order as its payment will look in the statement. */
    record Seeded(UUID id, String reference, String printedReference, BigDecimal pay, String payerIban) {}

    private OrderSeeder() {}

    static List<Seeded> seed(
            Connection db, int from, int count, String payInAccount, String payInIban, String payoutAccount)
            throws Exception {
        int version;
        try (var st = db.createStatement();
                var rs = st.executeQuery(
                        "select max(version) from workflow.definition_version where type = 'exchange_order'")) {
            rs.next();
            version = rs.getInt(1);
        }
        var seeded = new ArrayList<Seeded>(count);
        db.setAutoCommit(false);
        try (PreparedStatement operation = db.prepareStatement(OPERATION);
                PreparedStatement history = db.prepareStatement(HISTORY);
                PreparedStatement detail = db.prepareStatement(DETAIL)) {
            for (int i = from; i < from + count; i++) {
                // fixed length like the product's own (12 characters): "BENCH1" would be a prefix of "BENCH10",
                // and a prefix whose check digits hold by chance (1 in 97) made entries ambiguous
                var reference = PaymentReference.of(String.format(java.util.Locale.ROOT, "BENCH%07d", i));
                var order = new Seeded(
                        UUID.randomUUID(),
                        reference.value(),
                        reference.printed(),
                        new BigDecimal(100 + i % 9000 + ".00"),
                        Ibans.polish(i));
                add(operation, history, detail, order, version, payInAccount, payInIban, payoutAccount);
                seeded.add(order);
                if (seeded.size() % 5_000 == 0) {
                    flush(db, operation, history, detail);
                }
            }
            flush(db, operation, history, detail);
        } finally {
            db.setAutoCommit(true);
        }
        try (var st = db.createStatement()) {
            st.execute("vacuum analyze operations.operation");
            st.execute("vacuum analyze exchange.order_detail");
        }
        return seeded;
    }

    private static void add(
            PreparedStatement operation,
            PreparedStatement history,
            PreparedStatement detail,
            Seeded order,
            int version,
            String payInAccount,
            String payInIban,
            String payoutAccount)
            throws Exception {
        operation.setObject(1, order.id());
        operation.setInt(2, version);
        operation.setString(3, order.reference());
        operation.setString(4, "bench-client-" + order.reference());
        operation.setBigDecimal(5, order.pay());
        operation.addBatch();
        history.setObject(1, order.id());
        history.setString(2, order.reference());
        history.addBatch();
        detail.setObject(1, order.id());
        detail.setBigDecimal(2, order.pay());
        detail.setBigDecimal(3, order.pay().divide(new BigDecimal("4.3000"), 2, java.math.RoundingMode.DOWN));
        detail.setString(4, order.reference());
        detail.setObject(5, UUID.fromString(payInAccount));
        detail.setString(6, payInIban);
        detail.setObject(7, UUID.fromString(payoutAccount));
        detail.setString(8, Ibans.polish(order.reference().hashCode() & 0x7fffffff));
        detail.setString(9, order.payerIban());
        detail.addBatch();
    }

    private static void flush(Connection db, PreparedStatement... statements) throws Exception {
        for (PreparedStatement statement : statements) {
            statement.executeBatch();
        }
        db.commit();
    }

    private static final String OPERATION =
            """
            insert into operations.operation (id, type, workflow_version, reference, subject, status, stage, amount,
                currency, attributes, version, created_at, updated_at, stage_entered_at, due_at, timer_at,
                history_head)
            values (?, 'exchange_order', ?, ?, ?, 'PENDING', 'awaiting_payment', ?, 'PLN', '{}', 1, now(), now(),
                now(), now() + interval '1 day', now() + interval '1 day', sha256(gen_random_uuid()::text::bytea))""";

    private static final String HISTORY =
            """
            insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name,
                to_stage, to_status, override, changes, hash)
            values (?, 1, 'created', now(), 'system', 'bench-seed', 'bench seed', 'awaiting_payment', 'PENDING',
                false, json_build_object('reference', ?::text)::text, sha256(gen_random_uuid()::text::bytea))""";

    private static final String DETAIL =
            """
            insert into exchange.order_detail (operation_id, base, quote, side, rate, quoted_rate, pay_amount,
                pay_currency, receive_amount, receive_currency, fixed, payment_reference, pay_in_account_id,
                pay_in_paired, pay_in_bank, pay_in_iban, payout_from_id, payout_iban, payout_name, pay_from_iban,
                deadline, channel, created_at)
            values (?, 'EUR', 'PLN', 'BUY', 4.3000, 4.3000, ?, 'PLN', ?, 'EUR', 'PAY', ?, ?, false, 'PKO BP', ?, ?,
                ?, 'Bench Client', ?, now() + interval '1 day', 'api', now())""";
}
