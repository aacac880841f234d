package org.opsdesk.banking.payouts;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.opsdesk.exchange.PayoutOrders.WaitingOrder;

/**
 * What a new batch pays: one item per waiting order (same-bank first, as given) and then one per open refund, each
 * with the end-to-end id that comes back on the statement — the order's payment reference (ISO 11649, at most 25
 * characters of the SEPA set, unique per order and stable), or {@code RFD} and the refund instruction's id.
 */
final class BatchContents {

    private BatchContents() {}

    static List<PayoutItem> of(UUID batchId, List<WaitingOrder> orders, List<PayoutItemStore.OpenRefund> refunds) {
        var items = new ArrayList<PayoutItem>();
        for (WaitingOrder order : orders) {
            items.add(item(
                    batchId,
                    items.size() + 1,
                    order.orderId(),
                    null,
                    order.paymentReference(),
                    order.payeeName(),
                    order.iban(),
                    order.accountNumber(),
                    order.bic(),
                    order.receive().amount(),
                    order.receive().currency().code(),
                    "Exchange " + order.paymentReference()));
        }
        for (PayoutItemStore.OpenRefund refund : refunds) {
            String endToEnd = refundEndToEndId(refund.id());
            items.add(item(
                    batchId,
                    items.size() + 1,
                    null,
                    refund.id(),
                    endToEnd,
                    refund.payeeName(),
                    refund.iban(),
                    refund.accountNumber(),
                    refund.bic(),
                    refund.amount(),
                    refund.currency(),
                    "Refund " + endToEnd));
        }
        return items;
    }

    /** {@code RFD} and the instruction's id in 32 hex digits: 35 characters, the SEPA limit. */
    static String refundEndToEndId(UUID refundId) {
        return "RFD"
                + HexFormat.of()
                        .withUpperCase()
                        .formatHex(java.nio.ByteBuffer.allocate(16)
                                .putLong(refundId.getMostSignificantBits())
                                .putLong(refundId.getLeastSignificantBits())
                                .array());
    }

    private static PayoutItem item(
            UUID batchId,
            int position,
            UUID orderId,
            UUID refundId,
            String endToEndId,
            String name,
            String iban,
            String accountNumber,
            String bic,
            java.math.BigDecimal amount,
            String currency,
            String remittance) {
        return new PayoutItem(
                UUID.randomUUID(),
                batchId,
                position,
                orderId,
                refundId,
                endToEndId,
                name,
                iban,
                accountNumber,
                bic,
                amount,
                currency,
                remittance,
                PayoutItem.State.IN_BATCH,
                null,
                null,
                null,
                null);
    }
}
