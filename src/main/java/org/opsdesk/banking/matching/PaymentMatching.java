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
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches an import's credit entries to exchange orders (ADR 0031), in batches: the orders of a batch's references
 * and payers are read in two queries, the rules ({@link MatchRules}) judge each entry, and each entry is claimed in
 * {@code banking.payment_match} (first claim wins): the batch's queued ones together in one statement, each certain
 * one in its own transaction with its order's confirmation — so an order that moved meanwhile queues one entry, not
 * the file. The import's "entries matched" counter grows batch by batch for the console to poll.
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
            for (var entry :
                    batch.stream().filter(e -> verdicts.get(e).automatic()).toList()) {
                Boolean automatic = decide(entry, verdicts.get(entry));
                if (automatic != null) {
                    matched += automatic ? 1 : 0;
                    queued += automatic ? 0 : 1;
                }
            }
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
        var verdicts = new java.util.LinkedHashMap<EntryToMatch, Verdict>();
        batch.forEach(e -> verdicts.put(e, MatchRules.judge(e, byReference, byPayer)));
        return verdicts;
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
        var late = settlement.outcome() == Outcome.EXPIRED;
        var requeued = verdict.queuedFor(
                late ? QueueReason.LATE : QueueReason.NOT_AWAITING,
                late ? MatchRules.REFERENCE_DIFFERS : MatchRules.AMBIGUOUS_REFERENCE,
                settlement.stage());
        store.requeued(entry.id(), requeued);
        log(entry, requeued);
        return false;
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
