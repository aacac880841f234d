package org.opsdesk.banking.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opsdesk.exchange.PaymentOrders;
import org.opsdesk.exchange.PaymentOrders.Candidate;
import org.opsdesk.exchange.PaymentOrders.Outcome;
import org.opsdesk.shared.Actor;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches an import's credit entries to exchange orders (ADR 0031), in batches: the orders of a batch's references
 * and payers are read in two queries, the rules ({@link MatchRules}) judge each entry, and each entry is claimed in
 * {@code banking.payment_match} (first claim wins). A batch's queued entries are claimed together in one statement;
 * its certain ones in one transaction with their orders' confirmations ({@link PaymentOrders#applyAll}: the orders
 * locked in the order of their ids, so two imports confirming the same orders never deadlock, and moved set-based
 * in three statements) — a thousand confirmations cost one commit and a few round trips, not a thousand of each.
 * Each entry is still judged alone: one whose order expired or was paid meanwhile is queued, the others confirm.
 * Should the batch's transaction fail anyway on a lock (a deadlock with some other process, a lock timeout),
 * nothing of it stays and its entries are applied again one transaction each. The import's "entries matched"
 * counter grows batch by batch for the console to poll.
 */
@Service
public class PaymentMatching {

    static final Actor MATCHER = Actor.system("payment-matching");
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentMatching.class);
    private static final int BATCH = 1000;

    private final MatchStore store;
    private final PaymentOrders orders;
    private final EntryPayments payments;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentMatching(
            MatchStore store,
            PaymentOrders orders,
            EntryPayments payments,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.orders = orders;
        this.payments = payments;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What matching an import did.
     *
     * @param matched entries that confirmed their order by themselves
     * @param queued entries that wait in the payments queue
     */
    public record MatchOutcome(int matched, int queued) {}

    /** Matches every credit entry of the import that is not decided yet (debits are payout confirmations). */
    public MatchOutcome matchImport(UUID importId) {
        int matched = 0;
        int queued = 0;
        long after = 0;
        for (var batch = store.undecidedCredits(importId, after, BATCH);
                !batch.isEmpty();
                batch = store.undecidedCredits(importId, after, BATCH)) {
            var verdicts = judge(batch);
            var waiting =
                    batch.stream().filter(e -> !verdicts.get(e).automatic()).toList();
            queued += transactions.execute(status -> store.claimQueued(
                    waiting, waiting.stream().map(verdicts::get).toList(), MATCHER, clock.instant()));
            var certain = batch.stream()
                    .filter(e -> verdicts.get(e).automatic())
                    .sorted(Comparator.comparing((EntryToMatch e) ->
                            Objects.requireNonNull(verdicts.get(e).orderId())))
                    .toList();
            var decided = confirm(certain, verdicts);
            matched += decided.matched();
            queued += decided.queued();
            store.countMatched(importId, batch.size());
            after = batch.get(batch.size() - 1).id();
        }
        return new MatchOutcome(matched, queued);
    }

    /** The verdicts of a batch, with its candidate orders read in two queries. */
    private Map<EntryToMatch, Verdict> judge(List<EntryToMatch> batch) {
        var references = new HashSet<String>();
        batch.forEach(e -> RemittanceReferences.in(Objects.requireNonNullElse(e.remittance(), ""))
                .forEach(found -> references.add(found.reference())));
        var byReference = new HashMap<String, Candidate>();
        orders.byReferences(references).forEach(c -> byReference.put(c.reference(), c));
        var ibans = new HashSet<String>();
        batch.stream().map(EntryToMatch::payerIban).filter(Objects::nonNull).forEach(ibans::add);
        LocalDate from = batch.stream()
                .map(EntryToMatch::bookingDate)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate to = batch.stream()
                .map(EntryToMatch::bookingDate)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<Candidate> byPayer = ibans.isEmpty() ? List.of() : orders.byPayers(ibans, from, to);
        // by identity: a record's hashCode walks every field (the remittance text, the amount…), and the batch's
        // entries are looked up several times each (sorting the certain ones alone does it n log n times)
        var verdicts = new java.util.IdentityHashMap<EntryToMatch, Verdict>();
        batch.forEach(e -> verdicts.put(e, MatchRules.judge(e, byReference, byPayer)));
        return verdicts;
    }

    /** The certain entries of a batch applied in one transaction; one transaction each if that one fails. */
    private MatchOutcome confirm(List<EntryToMatch> certain, Map<EntryToMatch, Verdict> verdicts) {
        if (certain.isEmpty()) {
            return new MatchOutcome(0, 0);
        }
        try {
            return Objects.requireNonNull(transactions.execute(status -> confirmTogether(certain, verdicts)));
        } catch (TransientDataAccessException batchFailed) {
            // a deadlock or a lock timeout with some other process; anything else is a fault that must show
            log.warn(
                    "{} certain entries: their batch's transaction failed, applying them one at a time",
                    certain.size(),
                    batchFailed);
            int matched = 0;
            int queued = 0;
            for (var entry : certain) {
                Boolean automatic = decide(entry, verdicts.get(entry));
                if (automatic != null) {
                    matched += automatic ? 1 : 0;
                    queued += automatic ? 0 : 1;
                }
            }
            return new MatchOutcome(matched, queued);
        }
    }

    /** Claims the certain entries, confirms their orders together, queues those whose order moved meanwhile. */
    private MatchOutcome confirmTogether(List<EntryToMatch> certain, Map<EntryToMatch, Verdict> verdicts) {
        var now = clock.instant();
        var claimedIds =
                store.claimMatched(certain, certain.stream().map(verdicts::get).toList(), now);
        var claimed = certain.stream().filter(e -> claimedIds.contains(e.id())).toList();
        var settlements = orders.applyAll(claimed.stream()
                .map(entry -> {
                    var verdict = verdicts.get(entry);
                    var payment = payments.payment(entry, verdict.rule().name(), verdict.evidence(), entry.amount());
                    return new PaymentOrders.PaidOrder(Objects.requireNonNull(verdict.orderId()), payment);
                })
                .toList());
        var entryIds = new ArrayList<Long>();
        var orderIds = new ArrayList<UUID>();
        var stages = new ArrayList<String>();
        var reasons = new ArrayList<String>();
        int queued = 0;
        for (int i = 0; i < claimed.size(); i++) {
            var entry = claimed.get(i);
            var verdict = verdicts.get(entry);
            var settlement = settlements.get(i);
            if (settlement.confirmed()) {
                entryIds.add(entry.id());
                orderIds.add(verdict.orderId());
                stages.add(settlement.stage());
                reasons.add("rule " + verdict.rule() + ", score " + verdict.score());
            } else {
                requeue(entry, verdict, settlement);
                queued++;
            }
        }
        store.matchedAll(entryIds, orderIds, stages, reasons, MATCHER, now);
        return new MatchOutcome(entryIds.size(), queued);
    }

    /** True when it confirmed its order, false when queued, null when someone else had claimed it. */
    private Boolean decide(EntryToMatch entry, Verdict verdict) {
        try {
            return transactions.execute(status -> apply(entry, verdict));
        } catch (RuntimeException moved) {
            if (!verdict.automatic()) {
                throw moved; // queuing moves nothing: a failure here is the database's, not the order's
            }
            // the order moved between reading and applying (its timer fired, a cashier acted): queue it as found
            log.info("entry {} queued: its order {} moved while it was applied", entry.id(), verdict.orderId(), moved);
            String stage = orders.stage(Objects.requireNonNull(verdict.orderId()));
            var requeued = verdict.queuedFor(QueueReason.NOT_AWAITING, MatchRules.AMBIGUOUS_REFERENCE, stage);
            return transactions.execute(status -> queue(entry, requeued));
        }
    }

    private Boolean apply(EntryToMatch entry, Verdict verdict) {
        if (!store.claim(entry, verdict, clock.instant())) {
            return null;
        }
        if (!verdict.automatic()) {
            log(entry, verdict);
            return false;
        }
        var payment = payments.payment(entry, verdict.rule().name(), verdict.evidence(), entry.amount());
        var settlement = orders.apply(Objects.requireNonNull(verdict.orderId()), payment, null, null);
        if (settlement.confirmed()) {
            store.matched(entry.id(), settlement.stage());
            store.log(
                    entry.id(),
                    "MATCHED",
                    verdict.orderId(),
                    "rule " + verdict.rule() + ", score " + verdict.score(),
                    Map.of("stage", settlement.stage()),
                    MATCHER,
                    clock.instant());
            return true;
        }
        requeue(entry, verdict, settlement);
        return false;
    }

    /** A claimed certain entry whose order expired or was paid when the payment was applied: queued after all. */
    private void requeue(EntryToMatch entry, Verdict verdict, PaymentOrders.Settlement settlement) {
        var late = settlement.outcome() == Outcome.EXPIRED;
        var requeued = verdict.queuedFor(
                late ? QueueReason.LATE : QueueReason.NOT_AWAITING,
                late ? MatchRules.REFERENCE_DIFFERS : MatchRules.AMBIGUOUS_REFERENCE,
                settlement.stage());
        store.requeued(entry.id(), requeued);
        log(entry, requeued);
    }

    private Boolean queue(EntryToMatch entry, Verdict verdict) {
        if (!store.claim(entry, verdict, clock.instant())) {
            return null;
        }
        log(entry, verdict);
        return false;
    }

    private void log(EntryToMatch entry, Verdict verdict) {
        var details = new HashMap<String, Object>();
        details.put("rule", verdict.rule().name());
        details.put("score", verdict.score());
        details.put(
                "candidates",
                new ArrayList<>(
                        verdict.candidates().stream().map(UUID::toString).toList()));
        store.log(
                entry.id(),
                "QUEUED",
                verdict.orderId(),
                Objects.requireNonNull(verdict.queued()).name(),
                details,
                MATCHER,
                clock.instant());
    }
}
