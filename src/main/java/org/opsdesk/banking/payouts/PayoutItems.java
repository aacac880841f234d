package org.opsdesk.banking.payouts;

import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.PayoutOrders;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A batch's items settled one by one: removed by a cashier before the file is sent (its order may then be cancelled
 * or wait for the next batch), confirmed by a cashier's word with a reason, or by the bank's statement (confirmed or
 * returned, {@link PayoutConfirmations}). Each records who, when and why; a sent batch whose items are all settled
 * is closed.
 */
@Service
class PayoutItems {

    private static final Actor PAYOUTS = Actor.system("payouts");

    private final PayoutBatchStore store;
    private final PayoutItemStore itemStore;
    private final PayoutBatches batches;
    private final PayoutOrders orders;
    private final OperationCommands commands;
    private final Clock clock;

    PayoutItems(
            PayoutBatchStore store,
            PayoutItemStore itemStore,
            PayoutBatches batches,
            PayoutOrders orders,
            OperationCommands commands,
            Clock clock) {
        this.store = store;
        this.itemStore = itemStore;
        this.batches = batches;
        this.orders = orders;
        this.commands = commands;
        this.clock = clock;
    }

    /** Takes an item out of a batch not sent yet; the batch's total follows (an emptied batch is discarded). */
    @Transactional
    public PayoutBatch remove(UUID batchId, UUID itemId, @Nullable String reason, Actor actor) {
        PayoutBatches.requirePayouts(actor);
        String why = reason(reason);
        var row = lock(batchId);
        var item = item(batchId, itemId);
        if (item.state() != PayoutItem.State.IN_BATCH
                || !itemStore.settle(itemId, PayoutItem.State.REMOVED, why, null, actor, clock.instant())) {
            throw new PayoutConflict(
                    "item-not-removable",
                    "item " + itemId + " is " + item.state() + ": only an item of a batch not sent yet is removed");
        }
        var items = itemStore.items(batchId);
        if (items.stream().noneMatch(PayoutItem::open)) {
            commands.transition(batchId, "discarded", "its last transfer was removed: " + why, null, null, PAYOUTS);
        } else {
            batches.updateTotal(row, items, "removed " + item.endToEndId() + ": " + why, actor);
        }
        return batches.get(batchId, actor);
    }

    /** A cashier confirms by hand, with a reason, that the bank made a sent transfer: its order is completed. */
    @Transactional
    public PayoutBatch confirm(UUID batchId, UUID itemId, @Nullable String reason, Actor actor) {
        PayoutBatches.requirePayouts(actor);
        String why = reason(reason);
        lock(batchId);
        var item = item(batchId, itemId);
        if (item.state() != PayoutItem.State.SENT
                || !itemStore.settle(itemId, PayoutItem.State.CONFIRMED, why, null, actor, clock.instant())) {
            throw new PayoutConflict(
                    "item-not-confirmable",
                    "item " + itemId + " is " + item.state() + ": only a sent transfer is confirmed");
        }
        if (item.orderId() != null) {
            orders.completedByHand(item.orderId(), why, actor);
        }
        closeIfSettled(batchId);
        return batches.get(batchId, actor);
    }

    /** Closes a sent batch none of whose items is open any more. */
    void closeIfSettled(UUID batchId) {
        var batch = batches.get(batchId, PAYOUTS);
        if ("sent".equals(batch.operation().stage()) && batch.items().stream().noneMatch(PayoutItem::open)) {
            commands.transition(
                    batchId, "closed", "every transfer is confirmed, returned or removed", null, null, PAYOUTS);
        }
    }

    PayoutBatchRow lock(UUID batchId) {
        return store.lock(batchId).orElseThrow(() -> new NotFound("payout batch", batchId.toString()));
    }

    private PayoutItem item(UUID batchId, UUID itemId) {
        return itemStore.items(batchId).stream()
                .filter(i -> i.id().equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NotFound("payout item", itemId.toString()));
    }

    private static String reason(@Nullable String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > 500 || text.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of("reason", "1 to 500 characters, no control characters");
        }
        return text;
    }
}
