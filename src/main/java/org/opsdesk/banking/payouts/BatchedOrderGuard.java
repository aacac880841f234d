package org.opsdesk.banking.payouts;

import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.MoveGuard;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.workflow.Move;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An exchange order whose payout is in an open batch moves only through the batch: the file's download sends it
 * ({@code payout_pending → payout_sent}), and its item's settlement (confirmed by statement or by hand, returned)
 * moves it on after the item is settled. Any other move — a cancel above all — is refused until a cashier removes it
 * from the batch: its transfer may be on its way to the bank, and a batch must never send an order that moved on.
 */
@Component
class BatchedOrderGuard implements MoveGuard {

    private final JdbcClient jdbc;

    BatchedOrderGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String operationType() {
        return "exchange_order";
    }

    @Override
    public @Nullable String refusal(OperationSnapshot operation, Move move, Actor actor) {
        String from = move.transition().from();
        if (!"payout_pending".equals(from) && !"payout_sent".equals(from)) {
            // only a payout waiting or sent is ever in a batch (refunds carry no order): no query for the moves
            // before it — a statement confirming thousands of payments asks nothing here
            return null;
        }
        if ("payout_pending".equals(from)
                && "payout_sent".equals(move.transition().to())) {
            return null;
        }
        return jdbc.sql(
                        """
                        select b.message_id from banking.payout_item i join banking.payout_batch b on b.id = i.batch_id
                         where i.order_id = ? and i.state in ('IN_BATCH', 'SENT')""")
                .param(operation.id())
                .query(String.class)
                .optional()
                .map(batch -> "the order is in payout batch " + batch + ": remove it from the batch first")
                .orElse(null);
    }
}
