package org.opsdesk.banking.matching;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.payouts.RefundInstructions;
import org.opsdesk.exchange.PaymentOrders;
import org.opsdesk.exchange.PaymentOrders.Outcome;
import org.opsdesk.exchange.PaymentOrders.Settlement;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cashier's decisions on the entries the rules could not confirm: link to an order, return to the payer (a refund
 * instruction into the next payout batch), set aside, or — for a late payment — re-quote. Each takes the entry's row
 * lock and needs it still queued, so an entry is decided once; each is logged with the entry (who, when, why) and
 * lands in the order's history through the exchange module.
 */
@Service
class PaymentsQueue {

    private static final int REASON_MAX = 500;

    private final QueueStore store;
    private final MatchStore log;
    private final PaymentOrders orders;
    private final EntryPayments payments;
    private final RefundInstructions refunds;
    private final Clock clock;

    PaymentsQueue(
            QueueStore store,
            MatchStore log,
            PaymentOrders orders,
            EntryPayments payments,
            RefundInstructions refunds,
            Clock clock) {
        this.store = store;
        this.log = log;
        this.orders = orders;
        this.payments = payments;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** Links the entry to the order: the full amount paid confirms it, another sends it to payment_mismatch. */
    @Transactional
    public QueuedEntry link(long entryId, @Nullable UUID orderId, @Nullable String reason, Actor cashier) {
        String why = reason(reason, "reason", cashier);
        if (orderId == null) {
            throw InvalidInput.of("orderId", "is required: the order the payment is for");
        }
        QueuedEntry entry = queued(entryId);
        var order = orders.find(orderId).orElseThrow(() -> InvalidInput.of("orderId", "is no exchange order"));
        BigDecimal total = store.linkedTotal(orderId, entry.currency()).add(entry.amount());
        var payment = payments.payment(entry.asEntry(), "LINK", entry.evidence(), total);
        Settlement settlement = orders.apply(orderId, payment, cashier, why);
        if (settlement.outcome() == Outcome.EXPIRED) {
            throw new QueueConflict(
                    "order-expired", "order " + order.reference() + " expired: re-quote it with the client's consent");
        }
        if (settlement.outcome() == Outcome.NOT_AWAITING) {
            throw new QueueConflict(
                    "order-not-awaiting-payment",
                    "order " + order.reference() + " is " + settlement.stage() + ": it waits for no payment");
        }
        return decided(entry, "LINKED", orderId, settlement.stage(), why, cashier, Map.of("outcome", settlement));
    }

    /** Returns the payment to its payer: a refund instruction for the next payout batch of the account. */
    @Transactional
    public QueuedEntry giveBack(long entryId, @Nullable String reason, Actor cashier) {
        String why = reason(reason, "reason", cashier);
        QueuedEntry entry = queued(entryId);
        if (entry.counterpartyIban() == null) {
            throw new QueueConflict(
                    "payer-unknown", "the bank gave no account of the payer to return the payment to: set it aside");
        }
        String name =
                entry.counterpartyName() == null || entry.counterpartyName().isBlank()
                        ? entry.counterpartyIban()
                        : entry.counterpartyName().strip();
        var payee = new RefundInstructions.Payee(
                name.length() > 140 ? name.substring(0, 140) : name,
                entry.asEntry().payerIban(),
                null,
                entry.counterpartyBic());
        var money = payments.money(entry.asEntry(), entry.amount());
        UUID refund = refunds.instruct(entryId, entry.bankAccountId(), money, payee, why, cashier);
        noteOnOrder(entry, "to be returned to the payer by " + cashier.name() + ": " + why, cashier);
        return decided(entry, "RETURNED", null, null, why, cashier, Map.of("refundInstruction", refund.toString()));
    }

    /** Sets the entry aside with the reason: nothing moves, the decision is kept. */
    @Transactional
    public QueuedEntry setAside(long entryId, @Nullable String reason, Actor cashier) {
        String why = reason(reason, "reason", cashier);
        QueuedEntry entry = queued(entryId);
        noteOnOrder(entry, "set aside by " + cashier.name() + ": " + why, cashier);
        return decided(entry, "SET_ASIDE", null, null, why, cashier, Map.of());
    }

    /** Re-quotes the expired order of a late payment at the current rate, with the client's consent. */
    @Transactional
    public QueuedEntry requote(long entryId, @Nullable String consent, Actor cashier) {
        String why = reason(consent, "consent", cashier);
        QueuedEntry entry = queued(entryId);
        if (!QueueReason.LATE.name().equals(entry.reason()) || entry.orderId() == null) {
            throw new QueueConflict("not-late", "only a late payment for an expired order is re-quoted");
        }
        var payment = payments.payment(entry.asEntry(), "REQUOTE", entry.evidence(), entry.amount());
        var requoted = orders.requote(entry.orderId(), payment, why, cashier);
        var details = Map.<String, Object>of(
                "expiredOrder",
                entry.orderId().toString(),
                "reference",
                requoted.reference(),
                "outcome",
                requoted.settlement());
        return decided(
                entry, "REQUOTED", requoted.orderId(), requoted.settlement().stage(), why, cashier, details);
    }

    private QueuedEntry queued(long entryId) {
        QueuedEntry entry = store.lock(entryId).orElseThrow(() -> new NotFound("payment", String.valueOf(entryId)));
        if (!entry.queued()) {
            throw new QueueConflict(
                    "payment-decided",
                    "entry #" + entryId + " was decided already: "
                            + entry.state().toLowerCase(java.util.Locale.ROOT));
        }
        return entry;
    }

    private QueuedEntry decided(
            QueuedEntry entry,
            String decision,
            @Nullable UUID orderId,
            @Nullable String stage,
            String why,
            Actor cashier,
            Map<String, Object> details) {
        var at = clock.instant();
        String state = "REQUOTED".equals(decision) ? "LINKED" : decision;
        store.decide(entry.entryId(), state, orderId, stage, cashier, at);
        log.log(
                entry.entryId(),
                decision,
                orderId == null ? entry.orderId() : orderId,
                why,
                MatchStore.JSON.convertValue(details, Map.class),
                cashier,
                at);
        return store.find(entry.entryId()).orElseThrow();
    }

    private void noteOnOrder(QueuedEntry entry, String text, Actor cashier) {
        if (entry.orderId() != null) {
            orders.note(entry.orderId(), "Payment " + describe(entry) + " " + text, cashier);
        }
    }

    private static String describe(QueuedEntry entry) {
        return "statement entry #" + entry.entryId()
                + (entry.bankReference() == null ? "" : " (bank reference " + entry.bankReference() + ")") + ", "
                + entry.amount().toPlainString() + " " + entry.currency() + " booked " + entry.bookingDate();
    }

    private static String reason(@Nullable String reason, String field, Actor cashier) {
        if (!cashier.may(BankingPermissions.STATEMENTS)) {
            throw new PermissionDenied(BankingPermissions.STATEMENTS);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX || why.codePoints().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of(field, "1 to 500 characters, no control characters: why you decide so");
        }
        return why;
    }
}
