package org.opsdesk.banking.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.matching.PaymentResponses.CandidateOrder;
import org.opsdesk.banking.matching.PaymentResponses.PaymentAmount;
import org.opsdesk.banking.matching.PaymentResponses.PaymentDecision;
import org.opsdesk.banking.matching.PaymentResponses.PaymentDetail;
import org.opsdesk.banking.matching.PaymentResponses.PaymentEntry;
import org.opsdesk.banking.matching.PaymentResponses.PaymentPage;
import org.opsdesk.exchange.PaymentOrders;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payments queue as the API and the console read it: keyset pages by state, reason and account; one entry. */
@Service
class PaymentQueueReads {

    static final Set<String> STATES = Set.of("QUEUED", "MATCHED", "LINKED", "RETURNED", "SET_ASIDE");

    private final QueueStore store;
    private final PaymentOrders orders;

    PaymentQueueReads(QueueStore store, PaymentOrders orders) {
        this.store = store;
        this.orders = orders;
    }

    /**
     * A page of entries, newest first.
     *
     * @param state {@code queued} when null, {@code all} for every state
     */
    @Transactional(readOnly = true)
    public PaymentPage page(
            @Nullable String state,
            @Nullable String reason,
            @Nullable UUID account,
            @Nullable UUID importId,
            @Nullable String cursor,
            int limit) {
        var filter = new QueueStore.Filter(state(state), reason(reason), account, importId);
        var rows = store.page(filter, position(cursor), Keyset.limit(limit) + 1);
        var items = rows.stream().limit(limit).map(PaymentEntry::of).toList();
        String next = rows.size() > limit
                ? Keyset.cursor(
                        rows.get(limit - 1).matchedAt(), rows.get(limit - 1).entryId())
                : null;
        return new PaymentPage(items, next);
    }

    private static @Nullable String state(@Nullable String state) {
        String wanted =
                state == null ? "QUEUED" : state.toUpperCase(Locale.ROOT).replace('-', '_');
        if ("ALL".equals(wanted)) {
            return null;
        }
        if (!STATES.contains(wanted)) {
            throw InvalidInput.of("state", "one of queued, matched, linked, returned, set-aside, all");
        }
        return wanted;
    }

    private static @Nullable String reason(@Nullable String reason) {
        String why = reason == null ? null : reason.toUpperCase(Locale.ROOT).replace('-', '_');
        if (why != null
                && java.util.Arrays.stream(QueueReason.values())
                        .noneMatch(r -> r.name().equals(why))) {
            throw InvalidInput.of(
                    "reason",
                    "one of partial, overpaid, late, ambiguous, no-candidate, no-reference, wrong-currency,"
                            + " not-awaiting");
        }
        return why;
    }

    @Transactional(readOnly = true)
    public PaymentDetail detail(long entryId) {
        QueuedEntry entry = store.find(entryId).orElseThrow(() -> new NotFound("payment", String.valueOf(entryId)));
        var ids = new ArrayList<UUID>(entry.candidates());
        if (entry.orderId() != null && !ids.contains(entry.orderId())) {
            ids.add(entry.orderId());
        }
        var candidates = orders.findAll(ids).stream()
                .map(c -> new CandidateOrder(
                        c.orderId().toString(),
                        c.reference(),
                        new PaymentAmount(
                                c.amount().value(), c.amount().currency().code()),
                        c.deadline().toString(),
                        orders.stage(c.orderId())))
                .toList();
        var decisions = store.decisions(entryId).stream()
                .map(d -> new PaymentDecision(
                        d.decision(),
                        d.orderId() == null ? null : d.orderId().toString(),
                        d.reason(),
                        d.actorName(),
                        d.at().toString()))
                .toList();
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = MatchStore.JSON.readValue(entry.evidenceJson(), Map.class);
        return new PaymentDetail(
                PaymentEntry.of(entry), entry.endToEndId(), entry.raw(), evidence, candidates, decisions);
    }

    /** The entry's raw state row, for pages that need more than the answer holds. */
    @Transactional(readOnly = true)
    public QueuedEntry entry(long entryId) {
        return store.find(entryId).orElseThrow(() -> new NotFound("payment", String.valueOf(entryId)));
    }

    private static QueueStore.@Nullable Position position(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = Keyset.parts(cursor, 2);
        try {
            return new QueueStore.Position(Keyset.time(parts.get(0)), Long.parseLong(parts.get(1)));
        } catch (NumberFormatException e) {
            throw InvalidInput.of("cursor", "is not a cursor this list gave out");
        }
    }
}
