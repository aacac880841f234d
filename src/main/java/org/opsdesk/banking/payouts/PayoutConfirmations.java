package org.opsdesk.banking.payouts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.PayoutOrders;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statement matcher's hook into payouts (issue 13, "Matching"): a debit entry naming a sent transfer (by its
 * end-to-end id, or a reference that is one) for exactly its amount confirms the item and completes its order (the
 * client is told by the notification rules); a returned transfer fails its order with the bank's reason code — also
 * when a debit (or a cashier) had confirmed it already: banks return transfers days after booking them (ADR 0033).
 * Each answers what it settled, or empty when nothing matches — the matcher then queues the entry. An import's
 * entries are settled in bulk ({@link #settle(List)}): their items read in one query, each entry settled in its own
 * transaction.
 */
@Service
public class PayoutConfirmations {

    private static final Actor MATCHING = Actor.system("statement-matching");
    private static final List<PayoutItem.State> RETURNABLE = List.of(PayoutItem.State.SENT, PayoutItem.State.CONFIRMED);

    private final PayoutItemStore store;
    private final PayoutItems items;
    private final PayoutOrders orders;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PayoutConfirmations(
            PayoutItemStore store,
            PayoutItems items,
            PayoutOrders orders,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.items = items;
        this.orders = orders;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What a statement entry settled: the item, its batch and its order (null for a refund). */
    public record Settled(UUID itemId, UUID batchId, @Nullable UUID orderId) {}

    /**
     * A statement entry that may settle a payout.
     *
     * @param returned a credit giving a transfer back (with {@code returnReason}); otherwise a debit making one
     * @param returnReason the ISO 20022 return reason the bank quotes (a debit: ignored)
     */
    public record Movement(
            long entryId,
            boolean returned,
            @Nullable String endToEndId,
            @Nullable String reference,
            Money amount,
            LocalDate booked,
            String returnReason) {}

    /**
     * Settles the payouts these entries name, in the order given (returns first, so that a statement booking a
     * transfer and its return fails the order): their items are read in one query, each entry is settled in a
     * transaction of its own. An entry whose item was settled meanwhile settles nothing.
     *
     * @return how many entries settled a payout
     */
    public int settle(List<Movement> movements) {
        var keys = new HashSet<String>();
        movements.forEach(m -> {
            key(m.endToEndId()).ifPresent(keys::add);
            key(m.reference()).ifPresent(keys::add);
        });
        Map<String, PayoutItem> byEndToEndId = store.settleableByEndToEndIds(keys).stream()
                .collect(Collectors.toMap(PayoutItem::endToEndId, Function.identity(), (a, b) -> a));
        int settled = 0;
        for (Movement movement : movements) {
            var item = named(byEndToEndId, movement.endToEndId(), movement.reference());
            if (item.isPresent()) {
                var outcome = transactions.execute(status -> movement.returned()
                        ? returned(item.get(), movement.entryId(), movement.returnReason())
                        : confirmed(item.get(), movement.entryId(), movement.amount(), movement.booked()));
                settled += outcome != null && outcome.isPresent() ? 1 : 0;
            }
        }
        return settled;
    }

    /** A debit of {@code amount} booked on {@code booked}: confirms the sent transfer it names, if any. */
    @Transactional
    public Optional<Settled> confirmByStatement(
            long entryId, @Nullable String endToEndId, @Nullable String reference, Money amount, LocalDate booked) {
        return named(endToEndId, reference).flatMap(item -> confirmed(item, entryId, amount, booked));
    }

    /** The bank returned the transfer the entry names (sent, or confirmed already): its order fails. */
    @Transactional
    public Optional<Settled> returnedByStatement(
            long entryId, @Nullable String endToEndId, @Nullable String reference, String reasonCode) {
        return named(endToEndId, reference).flatMap(item -> returned(item, entryId, reasonCode));
    }

    private Optional<Settled> confirmed(PayoutItem item, long entryId, Money amount, LocalDate booked) {
        if (item.state() != PayoutItem.State.SENT
                || !item.currency().equals(amount.currency().code())
                || item.amount().compareTo(amount.amount()) != 0) {
            return Optional.empty();
        }
        return settle(item, List.of(PayoutItem.State.SENT), PayoutItem.State.CONFIRMED, confirmation(entryId), entryId)
                .map(settled -> {
                    if (settled.orderId() != null) {
                        orders.completedByStatement(settled.orderId(), entryId, booked);
                    }
                    items.closeIfSettled(settled.batchId());
                    return settled;
                });
    }

    /**
     * A sent transfer's return fails its order from {@code payout_sent}; a confirmed one's from {@code completed},
     * unless the order's workflow version ends there (orders placed before ADR 0033): then nothing is settled and
     * the credit waits in the payments queue for a cashier.
     */
    private Optional<Settled> returned(PayoutItem item, long entryId, String reasonCode) {
        if (item.orderId() != null && !orders.returnable(item.orderId())) {
            return Optional.empty();
        }
        return settle(item, RETURNABLE, PayoutItem.State.RETURNED, reasonCode, entryId)
                .map(settled -> {
                    if (settled.orderId() != null) {
                        orders.returned(settled.orderId(), reasonCode, entryId);
                    }
                    items.closeIfSettled(settled.batchId());
                    return settled;
                });
    }

    private Optional<PayoutItem> named(@Nullable String endToEndId, @Nullable String reference) {
        var keys = new HashSet<String>();
        key(endToEndId).ifPresent(keys::add);
        key(reference).ifPresent(keys::add);
        Map<String, PayoutItem> found = store.settleableByEndToEndIds(keys).stream()
                .collect(Collectors.toMap(PayoutItem::endToEndId, Function.identity(), (a, b) -> a));
        return named(found, endToEndId, reference);
    }

    /** The item the entry names by its end-to-end id, else by a reference that is one. */
    private static Optional<PayoutItem> named(
            Map<String, PayoutItem> byEndToEndId, @Nullable String endToEndId, @Nullable String reference) {
        var byId = key(endToEndId).map(byEndToEndId::get);
        return byId.isPresent() ? byId : key(reference).map(byEndToEndId::get);
    }

    /** Settles under the batch's lock (as the cashier's moves do); empty when it was settled meanwhile. */
    private Optional<Settled> settle(
            PayoutItem item, Collection<PayoutItem.State> from, PayoutItem.State state, String reason, long entryId) {
        items.lock(item.batchId());
        if (!store.settleFrom(item.id(), from, state, reason, entryId, MATCHING, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Settled(item.id(), item.batchId(), item.orderId()));
    }

    private static String confirmation(long entryId) {
        return "confirmed by statement entry " + entryId;
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
