package org.opsdesk.exchange.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.PaymentOrders.Outcome;
import org.opsdesk.exchange.PaymentOrders.PaidOrder;
import org.opsdesk.exchange.PaymentOrders.Payment;
import org.opsdesk.exchange.PaymentOrders.Settlement;
import org.opsdesk.exchange.rates.ExchangeMode;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a matched or linked bank payment to its order through the operations API: the order's row is locked
 * first, so two payments of one order (the importer's and a cashier's) are applied one after the other and the
 * second finds the order paid — never a second {@code funds_received}.
 *
 * <p>The moves are the payment process's, so the pair's mode (which keeps people from confirming payments where
 * the system does it) does not stop a cashier's decision in the payments queue: the move is taken by the process in
 * the cashier's name (their id, name and person), the reason saying who linked it and why.
 */
@Service
public class OrderPayments {

    private static final Actor MATCHING = Actor.system("payment-matching");
    private static final int COMMENT_MAX = 4000;

    private final PaymentOrderStore store;
    private final OrderStore orders;
    private final DeskTerms desk;
    private final OperationCommands commands;
    private final OperationQueries queries;

    OrderPayments(
            PaymentOrderStore store,
            OrderStore orders,
            DeskTerms desk,
            OperationCommands commands,
            OperationQueries queries) {
        this.store = store;
        this.orders = orders;
        this.desk = desk;
        this.commands = commands;
        this.queries = queries;
    }

    /** The order's stage now. */
    public String stage(UUID orderId) {
        return queries.get(orderId, MATCHING).stage();
    }

    /** See {@link org.opsdesk.exchange.PaymentOrders#apply}. */
    @Transactional
    public Settlement apply(UUID orderId, Payment payment, @Nullable Actor decidedBy, @Nullable String note) {
        if (!store.lock(orderId)) {
            throw new NotFound("exchange order", orderId.toString());
        }
        ExchangeOrder order = orders.find(orderId).orElseThrow();
        String stage = stage(orderId);
        if ("expired".equals(stage)) {
            return new Settlement(Outcome.EXPIRED, stage);
        }
        boolean mismatchFixed = decidedBy != null && "payment_mismatch".equals(stage);
        if (!"awaiting_payment".equals(stage) && !mismatchFixed) {
            return new Settlement(Outcome.NOT_AWAITING, stage);
        }
        Actor mover = decidedBy == null ? MATCHING : inTheNameOf(decidedBy);
        String reason = reason(payment, decidedBy, note);
        String evidence = evidence(payment);
        if (!order.pay().equals(payment.paidInTotal())) {
            if (mismatchFixed) {
                commands.comment(orderId, reason + "\n" + evidence, commenter(decidedBy));
            } else {
                commands.transition(orderId, "payment_mismatch", reason, evidence, null, mover);
            }
            return new Settlement(Outcome.PAYMENT_MISMATCH, "payment_mismatch");
        }
        commands.transition(orderId, "funds_received", reason, evidence, null, mover);
        if (desk.mode(order.base(), order.quote()) != ExchangeMode.AUTOMATIC) {
            return new Settlement(Outcome.FUNDS_RECEIVED, "funds_received");
        }
        commands.transition(orderId, "payout_pending", automaticPayout(order), null, null, MATCHING);
        return new Settlement(Outcome.PAYOUT_PENDING, "payout_pending");
    }

    /**
     * See {@link org.opsdesk.exchange.PaymentOrders#applyAll}: the orders' rows locked together (in the order of
     * their ids, as {@link #apply} locks one: the order's row, then the operation's), the moves taken in one
     * {@link OperationCommands#transitionAll} — each judged as {@link #apply} judges it, from
     * {@code awaiting_payment} only.
     */
    @Transactional
    public List<Settlement> applyAll(List<PaidOrder> paid) {
        var locked = orders.lockAll(
                new TreeSet<>(paid.stream().map(PaidOrder::orderId).toList()));
        var modes = new HashMap<String, ExchangeMode>();
        var steps = new ArrayList<OperationCommands.Step>();
        var firstStep = new int[paid.size()];
        for (int i = 0; i < paid.size(); i++) {
            var order = locked.get(paid.get(i).orderId());
            var payment = paid.get(i).payment();
            firstStep[i] = steps.size();
            if (order == null) {
                throw new NotFound("exchange order", paid.get(i).orderId().toString());
            }
            String reason = reason(payment, null, null);
            if (!order.pay().equals(payment.paidInTotal())) {
                steps.add(step(order, "payment_mismatch", reason, evidence(payment)));
                continue;
            }
            steps.add(step(order, "funds_received", reason, evidence(payment)));
            var mode = modes.computeIfAbsent(order.pair(), pair -> desk.mode(order.base(), order.quote()));
            if (mode == ExchangeMode.AUTOMATIC) {
                steps.add(step(order, "payout_pending", automaticPayout(order), null));
            }
        }
        var results = commands.transitionAll(steps);
        var settlements = new ArrayList<Settlement>(paid.size());
        for (int i = 0; i < paid.size(); i++) {
            int last = i + 1 < paid.size() ? firstStep[i + 1] : steps.size();
            settlements.add(settlement(steps.subList(firstStep[i], last), results.subList(firstStep[i], last)));
        }
        return settlements;
    }

    private static OperationCommands.Step step(
            ExchangeOrder order, String to, String reason, @Nullable String evidence) {
        String from = "payout_pending".equals(to) ? "funds_received" : "awaiting_payment";
        return new OperationCommands.Step(order.id(), from, to, reason, evidence, MATCHING);
    }

    /** One order's settlement from its steps' results: the last move that applied, or where it stood instead. */
    private static Settlement settlement(
            List<OperationCommands.Step> steps, List<OperationCommands.StepResult> results) {
        var first = results.get(0);
        if (!first.applied()) {
            String stage = java.util.Objects.requireNonNullElse(first.stage(), "unknown");
            return new Settlement("expired".equals(stage) ? Outcome.EXPIRED : Outcome.NOT_AWAITING, stage);
        }
        String to = steps.get(0).to();
        if ("payment_mismatch".equals(to)) {
            return new Settlement(Outcome.PAYMENT_MISMATCH, to);
        }
        boolean released = results.size() > 1 && results.get(1).applied();
        return released
                ? new Settlement(Outcome.PAYOUT_PENDING, "payout_pending")
                : new Settlement(Outcome.FUNDS_RECEIVED, "funds_received");
    }

    private static String automaticPayout(ExchangeOrder order) {
        return "the pair " + order.pair() + " is worked automatically: the payout follows the confirmed payment";
    }

    /** A decision about a payment for the order, as the cashier's comment in its history. */
    @Transactional
    public void note(UUID orderId, String text, Actor decidedBy) {
        commands.comment(orderId, clip(text), commenter(decidedBy));
    }

    private static String reason(Payment payment, @Nullable Actor decidedBy, @Nullable String note) {
        String entry = "statement entry #" + payment.entryId()
                + (payment.bankReference() == null ? "" : " (bank reference " + payment.bankReference() + ")")
                + ", " + payment.amount() + " booked " + payment.bookingDate();
        String head = decidedBy == null
                ? "Payment matched by rule " + payment.rule() + ": " + entry
                : "Payment linked by " + decidedBy.name() + " (" + decidedBy.id() + ") in the payments queue: " + entry
                        + (note == null ? "" : " — " + note);
        String line = head.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 1900 ? line.substring(0, 1900) + "…" : line;
    }

    private static String evidence(Payment payment) {
        String paid = payment.paidInTotal().equals(payment.amount())
                ? ""
                : "\nPaid in total with the entries linked before: " + payment.paidInTotal();
        return clip("Rule " + payment.rule() + "; evidence: " + payment.evidence() + paid);
    }

    private static String clip(String text) {
        String clean = text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", " ");
        return clean.length() > COMMENT_MAX ? clean.substring(0, COMMENT_MAX - 1) + "…" : clean;
    }

    /** The payment process acting on the cashier's decision, recorded under the cashier's id, name and person. */
    private static Actor inTheNameOf(Actor cashier) {
        return new Actor(Actor.Kind.SYSTEM, cashier.id(), cashier.name(), Permissions.all(), cashier.person());
    }

    /** The cashier, with just what a comment on an order needs (exchange vouches for the caller it checked). */
    private static Actor commenter(Actor cashier) {
        return new Actor(
                cashier.kind(),
                cashier.id(),
                cashier.name(),
                Permissions.of(OperationPermissions.view(Orders.TYPE), OperationPermissions.comment(Orders.TYPE)),
                cashier.person());
    }
}
