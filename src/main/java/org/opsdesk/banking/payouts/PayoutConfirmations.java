package org.opsdesk.banking.payouts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.PayoutOrders;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statement matcher's hook into payouts (issue 13, "Matching"): a debit entry naming a sent transfer (by its
 * end-to-end id, or a reference that is one) for exactly its amount confirms the item and completes its order (the
 * client is told by the notification rules); a returned transfer fails its order with the bank's reason code. Each
 * answers what it settled, or empty when nothing sent matches — the matcher then queues the entry.
 */
@Service
public class PayoutConfirmations {

    private static final Actor MATCHING = Actor.system("statement-matching");

    private final PayoutItemStore store;
    private final PayoutItems items;
    private final PayoutOrders orders;
    private final Clock clock;

    PayoutConfirmations(PayoutItemStore store, PayoutItems items, PayoutOrders orders, Clock clock) {
        this.store = store;
        this.items = items;
        this.orders = orders;
        this.clock = clock;
    }

    /** What a statement entry settled: the item, its batch and its order (null for a refund). */
    public record Settled(UUID itemId, UUID batchId, @Nullable UUID orderId) {}

    /** A debit of {@code amount} booked on {@code booked}: confirms the sent transfer it names, if any. */
    @Transactional
    public Optional<Settled> confirmByStatement(
            long entryId, @Nullable String endToEndId, @Nullable String reference, Money amount, LocalDate booked) {
        var item = sent(endToEndId, reference)
                .filter(i -> i.currency().equals(amount.currency().code())
                        && i.amount().compareTo(amount.amount()) == 0);
        if (item.isEmpty()) {
            return Optional.empty();
        }
        return settle(item.get(), PayoutItem.State.CONFIRMED, "confirmed by statement entry " + entryId, entryId)
                .map(settled -> {
                    if (settled.orderId() != null) {
                        orders.completedByStatement(settled.orderId(), entryId, booked);
                    }
                    items.closeIfSettled(settled.batchId());
                    return settled;
                });
    }

    /** The bank returned the sent transfer the entry names: its order fails with {@code reasonCode}. */
    @Transactional
    public Optional<Settled> returnedByStatement(
            long entryId, @Nullable String endToEndId, @Nullable String reference, String reasonCode) {
        return sent(endToEndId, reference)
                .flatMap(item -> settle(item, PayoutItem.State.RETURNED, reasonCode, entryId))
                .map(settled -> {
                    if (settled.orderId() != null) {
                        orders.returned(settled.orderId(), reasonCode, entryId);
                    }
                    items.closeIfSettled(settled.batchId());
                    return settled;
                });
    }

    private Optional<PayoutItem> sent(@Nullable String endToEndId, @Nullable String reference) {
        var byId = key(endToEndId).flatMap(store::sentByEndToEndId);
        return byId.isPresent() ? byId : key(reference).flatMap(store::sentByEndToEndId);
    }

    /** Settles under the batch's lock (as the cashier's moves do); empty when it was settled meanwhile. */
    private Optional<Settled> settle(PayoutItem item, PayoutItem.State state, String reason, long entryId) {
        items.lock(item.batchId());
        if (!store.settle(item.id(), state, reason, entryId, MATCHING, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Settled(item.id(), item.batchId(), item.orderId()));
    }

    /** An identifier as banks echo it: spaces and line breaks dropped, upper case. */
    private static Optional<String> key(@Nullable String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String key = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return key.isEmpty() || key.length() > 35 ? Optional.empty() : Optional.of(key);
    }
}
