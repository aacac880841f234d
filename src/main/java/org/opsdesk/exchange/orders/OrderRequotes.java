package org.opsdesk.exchange.orders;

import java.util.Locale;
import java.util.UUID;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.PaymentOrders.Payment;
import org.opsdesk.exchange.PaymentOrders.Requoted;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.Permissions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A late payment re-quoted with the client's consent: a new order for the same client, pair, side and accounts at
 * the pair's current rate for the amount actually paid, placed and paid at once by that payment; the expired order's
 * history says which order took its payment, the new one's which order it replaces and the consent.
 */
@Service
public class OrderRequotes {

    private static final Actor MATCHING = Actor.system("payment-matching");

    private final Orders orders;
    private final OrderPayments payments;
    private final OperationQueries queries;

    OrderRequotes(Orders orders, OrderPayments payments, OperationQueries queries) {
        this.orders = orders;
        this.payments = payments;
        this.queries = queries;
    }

    /** See {@link org.opsdesk.exchange.PaymentOrders#requote}. */
    @Transactional
    public Requoted requote(UUID expiredId, Payment payment, String consent, Actor cashier) {
        ExchangeOrder expired =
                orders.find(expiredId).orElseThrow(() -> new NotFound("exchange order", expiredId.toString()));
        String stage = queries.get(expiredId, MATCHING).stage();
        if (!"expired".equals(stage)) {
            throw new OrderConflict(
                    "order-not-expired",
                    "order " + expiredId + " is " + stage + ": only an expired order is re-quoted");
        }
        var placed = orders.place(draft(expired, payment), "desk", placing(cashier));
        UUID id = placed.order().id();
        String note = "re-quoted at the current rate with the client's consent (" + consent + "), replacing order "
                + expired.paymentReference().value() + " (" + expiredId + ") that expired before the payment";
        var settlement = payments.apply(id, payment, cashier, note);
        payments.note(
                expiredId,
                "Late payment (statement entry #" + payment.entryId() + ", " + payment.amount()
                        + ") re-quoted by " + cashier.name() + " as order "
                        + placed.order().paymentReference().value()
                        + " (" + id + ") with the client's consent: " + consent,
                cashier);
        return new Requoted(id, placed.order().paymentReference().value(), settlement);
    }

    private OrderDraft draft(ExchangeOrder expired, Payment payment) {
        String subject = queries.get(expired.id(), MATCHING).subject();
        var payout =
                new OrderDraft.AccountDraft(expired.payoutIban(), expired.payoutAccount(), expired.payoutName(), null);
        var payFrom = expired.payFromIban() == null && expired.payFromAccount() == null
                ? null
                : new OrderDraft.AccountDraft(expired.payFromIban(), expired.payFromAccount(), null, null);
        return new OrderDraft(
                subject,
                expired.base(),
                expired.quote(),
                expired.side().name().toLowerCase(Locale.ROOT),
                payment.amount().value(),
                payment.amount().currency().code(),
                payout,
                payFrom);
    }

    /** The cashier placing the order for the queue: exchange vouches for the caller the queue has checked. */
    private static Actor placing(Actor cashier) {
        return new Actor(
                cashier.kind(),
                cashier.id(),
                cashier.name(),
                Permissions.of(ExchangePermissions.ORDERS),
                cashier.person());
    }
}
