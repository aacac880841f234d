package org.opsdesk.banking.matching;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opsdesk.exchange.PaymentOrders.Candidate;

/**
 * The matching rules of ADR 0031, without a database: (a) the order's payment reference in the remittance text;
 * (b) the amount, currency and payer IBAN of an order whose payment window holds the booking date — the IBAN the
 * order says the client pays from, or one the client registered as their own in the portal. Only (a) with the
 * full amount in the order's currency, booked by the deadline, confirms an order by itself; everything else is
 * queued with its reason. Scores: 100 exact; 80 the reference with another amount or late; 60 the reference in
 * another currency; 70 one order by amount and payer; 50 / 40 several orders by reference / by payer; 0 none.
 */
final class MatchRules {

    static final int EXACT = 100;
    static final int REFERENCE_DIFFERS = 80;
    static final int PAYER = 70;
    static final int WRONG_CURRENCY = 60;
    static final int AMBIGUOUS_REFERENCE = 50;
    static final int AMBIGUOUS_PAYER = 40;

    private MatchRules() {}

    /**
     * Judges one entry.
     *
     * @param byReference the orders of every reference found in this batch's texts, by reference
     * @param byPayer the orders of this batch's payers (any amount, any window: the rule filters)
     */
    static Verdict judge(EntryToMatch entry, Map<String, Candidate> byReference, List<Candidate> byPayer) {
        String text = entry.remittance() == null ? "" : entry.remittance();
        var found = RemittanceReferences.in(text).stream()
                .filter(f -> byReference.containsKey(f.reference()))
                .toList();
        var evidence = new LinkedHashMap<String, Object>();
        evidence.put("entry", fields(entry));
        if (!found.isEmpty()) {
            evidence.put("remittance", text);
            evidence.put(
                    "references",
                    found.stream()
                            .map(f -> Map.of("reference", f.reference(), "asWritten", f.asWritten()))
                            .toList());
            var orders = found.stream()
                    .map(f -> byReference.get(f.reference()))
                    .distinct()
                    .toList();
            return orders.size() == 1
                    ? byReference(entry, orders.get(0), evidence)
                    : queued(QueueReason.AMBIGUOUS, MatchRule.REFERENCE, AMBIGUOUS_REFERENCE, orders, evidence);
        }
        return byPayer(entry, byPayer, evidence);
    }

    private static Verdict byReference(EntryToMatch entry, Candidate order, Map<String, Object> evidence) {
        evidence.put("order", order(order));
        var candidates = List.of(order.orderId());
        int compared = entry.amount().compareTo(order.amount().amount());
        QueueReason reason;
        int score;
        if (!entry.currency().equals(order.amount().currency().code())) {
            reason = QueueReason.WRONG_CURRENCY;
            score = WRONG_CURRENCY;
        } else if (compared != 0) {
            reason = compared < 0 ? QueueReason.PARTIAL : QueueReason.OVERPAID;
            score = REFERENCE_DIFFERS;
        } else if (entry.bookingDate().isAfter(deadlineDay(order))) {
            reason = QueueReason.LATE;
            score = REFERENCE_DIFFERS;
        } else {
            return new Verdict(null, MatchRule.REFERENCE, EXACT, order.orderId(), candidates, evidence);
        }
        return new Verdict(reason, MatchRule.REFERENCE, score, order.orderId(), candidates, evidence);
    }

    private static Verdict byPayer(EntryToMatch entry, List<Candidate> byPayer, Map<String, Object> evidence) {
        String payer = entry.payerIban();
        var orders = byPayer.stream()
                .filter(c -> c.paidFrom(payer))
                .filter(c -> c.amount().currency().code().equals(entry.currency()))
                .filter(c -> c.amount().amount().compareTo(entry.amount()) == 0)
                .filter(c -> within(entry.bookingDate(), c))
                .distinct()
                .toList();
        if (orders.isEmpty()) {
            return queued(QueueReason.NO_CANDIDATE, MatchRule.NONE, 0, List.of(), evidence);
        }
        evidence.put("payerIban", Objects.requireNonNull(payer));
        evidence.put("payerKnownBy", knownBy(payer, orders));
        if (orders.size() > 1) {
            return queued(QueueReason.AMBIGUOUS, MatchRule.AMOUNT_AND_PAYER, AMBIGUOUS_PAYER, orders, evidence);
        }
        evidence.put("order", order(orders.get(0)));
        return new Verdict(
                QueueReason.NO_REFERENCE,
                MatchRule.AMOUNT_AND_PAYER,
                PAYER,
                orders.get(0).orderId(),
                List.of(orders.get(0).orderId()),
                evidence);
    }

    /**
     * How the payer's IBAN tied the entry to the order(s): the IBAN given on the order ({@code ORDER}), or an
     * account the client registered in the portal ({@code CLIENT_ACCOUNT}); both when the orders differ in it.
     */
    private static String knownBy(String payer, List<Candidate> orders) {
        boolean onOrder = orders.stream().anyMatch(c -> payer.equals(c.payFromIban()));
        boolean registered = orders.stream().anyMatch(c -> c.clientIbans().contains(payer));
        return onOrder && registered ? "ORDER_AND_CLIENT_ACCOUNT" : onOrder ? "ORDER" : "CLIENT_ACCOUNT";
    }

    private static Verdict queued(
            QueueReason reason, MatchRule rule, int score, List<Candidate> orders, Map<String, Object> evidence) {
        if (!orders.isEmpty()) {
            evidence.put("orders", orders.stream().map(MatchRules::order).toList());
        }
        var ids = orders.stream().map(Candidate::orderId).toList();
        return new Verdict(reason, rule, score, null, ids, evidence);
    }

    private static boolean within(LocalDate booked, Candidate order) {
        return !booked.isBefore(order.createdAt().atZone(ZoneOffset.UTC).toLocalDate())
                && !booked.isAfter(deadlineDay(order));
    }

    /** Statements give a booking day, not a time: a payment booked on the deadline's day (UTC) is in time. */
    private static LocalDate deadlineDay(Candidate order) {
        return order.deadline().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Map<String, Object> fields(EntryToMatch entry) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("amount", entry.amount().toPlainString());
        fields.put("currency", entry.currency());
        fields.put("bookingDate", entry.bookingDate().toString());
        if (entry.payerIban() != null) {
            fields.put("counterpartyIban", entry.payerIban());
        }
        if (entry.counterpartyName() != null) {
            fields.put("counterpartyName", entry.counterpartyName());
        }
        if (entry.bankReference() != null) {
            fields.put("bankReference", entry.bankReference());
        }
        return fields;
    }

    private static Map<String, Object> order(Candidate order) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", order.orderId().toString());
        fields.put("reference", order.reference());
        fields.put("amount", order.amount().value());
        fields.put("currency", order.amount().currency().code());
        fields.put("deadline", order.deadline().toString());
        if (order.payFromIban() != null) {
            fields.put("payFromIban", order.payFromIban());
        }
        if (!order.clientIbans().isEmpty()) {
            fields.put("clientAccounts", order.clientIbans().stream().sorted().toList());
        }
        return fields;
    }
}
