package org.opsdesk.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.orders.OrderPayments;
import org.opsdesk.exchange.orders.OrderRequotes;
import org.opsdesk.exchange.orders.PaymentOrderStore;
import org.opsdesk.portal.PortalClients;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchange orders as the bank side sees them when it matches a statement's payments (ADR 0031): the orders a
 * payment may be for (by payment reference, or by amount, currency and the IBAN the client said they pay from), and
 * the payment applied to the order it was matched or linked to — the order's move recorded in its history with the
 * statement entry, the rule that matched it and who decided.
 */
@Service
public class PaymentOrders {

    private final PaymentOrderStore store;
    private final OrderPayments payments;
    private final OrderRequotes requotes;
    private final PortalClients portal;

    PaymentOrders(PaymentOrderStore store, OrderPayments payments, OrderRequotes requotes, PortalClients portal) {
        this.store = store;
        this.payments = payments;
        this.requotes = requotes;
        this.portal = portal;
    }

    /**
     * An order a payment may be for.
     *
     * @param amount what the client is to pay, in the currency they pay in
     * @param payFromIban the IBAN the client said they pay from, if they said
     * @param payInAccountId the office account the client was told to pay into
     * @param clientIbans of the IBANs asked about ({@link #byPayers}), those the order's client registered as their
     *     own accounts in the portal (email and phone proven); empty otherwise
     */
    public record Candidate(
            UUID orderId,
            String reference,
            Money amount,
            @Nullable String payFromIban,
            UUID payInAccountId,
            Instant createdAt,
            Instant deadline,
            Set<String> clientIbans) {

        public Candidate {
            clientIbans = Set.copyOf(clientIbans);
        }

        /** An order found otherwise than by its client's accounts. */
        public Candidate(
                UUID orderId,
                String reference,
                Money amount,
                @Nullable String payFromIban,
                UUID payInAccountId,
                Instant createdAt,
                Instant deadline) {
            this(orderId, reference, amount, payFromIban, payInAccountId, createdAt, deadline, Set.of());
        }

        /** Whether a payment from {@code iban} comes from this order's payer: its pay-from IBAN or its client's. */
        public boolean paidFrom(@Nullable String iban) {
            return iban != null && (iban.equals(payFromIban) || clientIbans.contains(iban));
        }
    }

    /**
     * A statement entry applied to an order.
     *
     * @param paidInTotal this entry with the entries linked to the order before it: what the order is judged by
     * @param rule how the entry was matched ({@code REFERENCE}, {@code AMOUNT_AND_PAYER}, or the cashier's link)
     * @param evidence what the rule found, as the history shows it
     */
    public record Payment(
            long entryId,
            @Nullable String bankReference,
            Money amount,
            Money paidInTotal,
            LocalDate bookingDate,
            String rule,
            String evidence) {}

    /** What applying a payment did to its order. */
    public enum Outcome {
        /** The payment is confirmed: the order waits for the cashier to release its payout. */
        FUNDS_RECEIVED,
        /** The payment is confirmed and, the pair being worked automatically, the payout instruction followed. */
        PAYOUT_PENDING,
        /** The amount or currency differs from the order's: the order waits in {@code payment_mismatch}. */
        PAYMENT_MISMATCH,
        /** The order expired before the payment was applied: nothing moved. */
        EXPIRED,
        /** The order no longer waits for a payment (paid already, cancelled, …): nothing moved. */
        NOT_AWAITING
    }

    /** The outcome and the order's stage after it. */
    public record Settlement(Outcome outcome, String stage) {

        public boolean confirmed() {
            return outcome == Outcome.FUNDS_RECEIVED || outcome == Outcome.PAYOUT_PENDING;
        }
    }

    /** The order a late payment was re-quoted as, and what the payment did to it. */
    public record Requoted(UUID orderId, String reference, Settlement settlement) {}

    /** The orders with these payment references (electronic form, {@code RF…}), whatever their stage. */
    @Transactional(readOnly = true)
    public List<Candidate> byReferences(Collection<String> references) {
        return store.byReferences(references);
    }

    /**
     * The orders whose payment window (placed … deadline) overlaps the booking dates {@code from … to}, whatever
     * their stage, paid from one of these IBANs: the client said so on the order, or the IBAN is one of the client's
     * registered accounts in the portal (a client with proven email and phone; {@link Candidate#clientIbans}). One
     * query to the portal and one here, whatever the number of IBANs.
     */
    @Transactional(readOnly = true)
    public List<Candidate> byPayers(Collection<String> ibans, LocalDate from, LocalDate to) {
        if (ibans.isEmpty()) {
            return List.of();
        }
        var ibansBySubject = new HashMap<String, Set<String>>();
        portal.holdersOf(ibans)
                .forEach((iban, subjects) -> subjects.forEach(subject -> ibansBySubject
                        .computeIfAbsent(subject, s -> new HashSet<>())
                        .add(iban)));
        return store.byPayers(ibans, ibansBySubject, from, to);
    }

    /** One order as a candidate, when it exists. */
    @Transactional(readOnly = true)
    public Optional<Candidate> find(UUID orderId) {
        return store.byIds(List.of(orderId)).stream().findFirst();
    }

    /** These orders as candidates (those that exist). */
    @Transactional(readOnly = true)
    public List<Candidate> findAll(Collection<UUID> orderIds) {
        return store.byIds(orderIds);
    }

    /** The order's stage now. */
    @Transactional(readOnly = true)
    public String stage(UUID orderId) {
        return payments.stage(orderId);
    }

    /**
     * Applies a payment to an order, in the caller's transaction, with the order's row locked (a payment applied
     * at the same time to the same order waits, then finds it paid). The full amount in the order's currency
     * confirms it ({@code funds_received}, then {@code payout_pending} in the pair's automatic mode); another amount
     * or currency sends an order awaiting payment to {@code payment_mismatch}; an expired or no longer waiting order
     * is left as it is and said so.
     *
     * @param decidedBy the cashier who linked it in the payments queue, or null for automatic matching
     * @param note the cashier's reason, or null
     */
    @Transactional
    public Settlement apply(UUID orderId, Payment payment, @Nullable Actor decidedBy, @Nullable String note) {
        return payments.apply(orderId, payment, decidedBy, note);
    }

    /** A payment the matcher found certain for an order. */
    public record PaidOrder(UUID orderId, Payment payment) {}

    /**
     * Applies payments the matcher found certain, each to its order, in the caller's transaction: as {@link #apply}
     * with no cashier, each judged alone, but the orders locked and moved together — for a statement confirming
     * thousands of payments at once. Two payments of one order: the second finds it paid.
     *
     * @return one settlement per payment, in their order
     * @throws org.opsdesk.shared.NotFound when an order does not exist (nothing is applied)
     */
    @Transactional
    public List<Settlement> applyAll(List<PaidOrder> payments) {
        return this.payments.applyAll(payments);
    }

    /** Records a decision about a payment for the order (returned, set aside) as a comment in its history. */
    @Transactional
    public void note(UUID orderId, String text, Actor decidedBy) {
        payments.note(orderId, text, decidedBy);
    }

    /**
     * Re-quotes an expired order for a late payment, with the client's consent: a new order for the same client,
     * pair, side and accounts at the pair's current rate for the amount paid, paid at once by {@code payment} (so
     * confirmed, and in the pair's automatic mode released for payout). Both orders' histories name the other.
     *
     * @param consent how the client agreed (a sentence the history keeps)
     * @throws org.opsdesk.shared.InvalidInput when the amount is outside the currency's limits or the pair is no
     *     longer quoted
     */
    @Transactional
    public Requoted requote(UUID expiredOrderId, Payment payment, String consent, Actor decidedBy) {
        return requotes.requote(expiredOrderId, payment, consent, decidedBy);
    }
}
