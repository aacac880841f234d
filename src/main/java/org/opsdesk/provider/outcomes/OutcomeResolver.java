package org.opsdesk.provider.outcomes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.actions.ProviderOutcome;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.provider.connector.ProviderClient;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outcome resolver (Kill Bill's "Janitor"): keeps every provider outcome not known yet, and ends each wait
 * once — by a callback, a scheduled poll, an operator's check, a settlement, or by giving up when the schedule is
 * spent. Ending a wait and publishing its {@link ProviderOutcome} happen in one transaction, under the row's lock,
 * so the catalog's listener moves the operation in that same transaction and a second source finds the row ended
 * (no second event). Provider calls are made outside any transaction.
 */
@Service
class OutcomeResolver {

    static final Actor RESOLVER = Actor.system("provider-resolver");
    private static final Logger log = LoggerFactory.getLogger(OutcomeResolver.class);

    private final PendingOutcomeStore store;
    private final CheckSchedule schedule;
    private final ProviderClient client;
    private final OperationQueries operations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter gaveUp;

    OutcomeResolver(
            PendingOutcomeStore store,
            CheckSchedule schedule,
            ProviderClient client,
            OperationQueries operations,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.schedule = schedule;
        this.client = client;
        this.operations = operations;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.gaveUp = Counter.builder("opsdesk.provider.gave_up")
                .description("provider outcomes still unknown when the resolver's schedule was spent")
                .register(meters);
    }

    /** Starts waiting for an outcome the connector could not learn (in its own transaction). */
    void pending(UUID operationId, String actionId, String why) {
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (store.insert(operationId, actionId, why, schedule.first(now), now)) {
                store.log(operationId, "pending", why, RESOLVER, now);
            }
        });
    }

    PendingOutcome find(UUID operationId) {
        return store.find(operationId).orElseThrow(() -> notFound(operationId));
    }

    /**
     * Ends the wait with a known answer, unless it ended already; true when this call ended it (and published the
     * event). Joins the caller's transaction.
     */
    boolean resolve(UUID operationId, ProviderAnswer answer, String source, Actor actor) {
        Boolean ended = transactions.execute(status -> {
            var row = store.lock(operationId).orElseThrow(() -> notFound(operationId));
            if (!row.pending()) {
                return false;
            }
            end(row, answer, source, actor, false, clock.instant());
            return true;
        });
        return Boolean.TRUE.equals(ended);
    }

    /** An operator's "check now": asks the provider at once; a scheduled check stays as it was if nothing is known. */
    PendingOutcome checkNow(UUID operationId, Actor actor) {
        var row = find(operationId);
        if (!row.pending()) {
            return row;
        }
        if (!client.configured()) {
            throw new ProviderNotConfigured();
        }
        ProviderAnswer answer = client.status(operationId, row.actionId());
        transactions.executeWithoutResult(status -> {
            var locked = store.lock(operationId).orElseThrow();
            Instant now = clock.instant();
            if (!locked.pending()) {
                return;
            }
            if (answer instanceof ProviderAnswer.Pending unknown) {
                store.checked(operationId, false, locked.nextCheckAt(), unknown.why(), now);
                store.log(operationId, "check", unknown.why(), actor, now);
            } else {
                end(locked, answer, "check", actor, false, now);
            }
        });
        return find(operationId);
    }

    /** One scheduled check of a claimed row; its result is recorded only while the claim still holds it. */
    void check(PendingOutcomeStore.Claimed claimed) {
        if (!operationWaits(claimed.operationId())) {
            transactions.executeWithoutResult(status -> store.lockClaimed(claimed.operationId(), claimed.claimToken())
                    .ifPresent(row -> {
                        Instant now = clock.instant();
                        String why = "its operation no longer waits for the provider";
                        store.end(row.operationId(), PendingOutcome.State.CLOSED, null, "closed", false, why, now);
                        store.log(row.operationId(), "closed", why, RESOLVER, now);
                    }));
            return;
        }
        ProviderAnswer answer = client.configured()
                ? client.status(claimed.operationId(), claimed.actionId())
                : new ProviderAnswer.Pending("no provider configured");
        transactions.executeWithoutResult(status -> store.lockClaimed(claimed.operationId(), claimed.claimToken())
                .ifPresent(row -> recordCheck(row, answer, clock.instant())));
    }

    private void recordCheck(PendingOutcome row, ProviderAnswer answer, Instant now) {
        if (!(answer instanceof ProviderAnswer.Pending unknown)) {
            end(row, answer, "poll", RESOLVER, true, now);
            return;
        }
        int checks = row.checksDone() + 1;
        var next = schedule.after(checks, now);
        if (next.isPresent()) {
            store.checked(row.operationId(), true, next.get(), unknown.why(), now);
            store.log(row.operationId(), "poll", unknown.why(), RESOLVER, now);
            return;
        }
        String why = "outcome unknown after " + checks + " checks over " + schedule.span();
        store.end(row.operationId(), PendingOutcome.State.GAVE_UP, "unknown", "gave-up", true, unknown.why(), now);
        store.log(row.operationId(), "gave-up", why + " (last: " + unknown.why() + ")", RESOLVER, now);
        events.publishEvent(new ProviderOutcome(row.operationId(), new ProviderAnswer.Pending(why), "gave-up"));
        gaveUp.increment();
        log.warn("Gave up on the provider outcome of operation {} ({}): {}", row.operationId(), row.actionId(), why);
    }

    private void end(
            PendingOutcome row, ProviderAnswer answer, String source, Actor actor, boolean counted, Instant now) {
        String said = describe(answer);
        String resolution = answer instanceof ProviderAnswer.Done ? "done" : "failed";
        store.end(row.operationId(), PendingOutcome.State.RESOLVED, resolution, source, counted, said, now);
        store.log(row.operationId(), "resolved", source + ": " + said, actor, now);
        events.publishEvent(new ProviderOutcome(row.operationId(), answer, source));
    }

    /** An answer in the words the panel and the log show. */
    static String describe(ProviderAnswer answer) {
        if (answer instanceof ProviderAnswer.Failed failed) {
            return "failed: " + failed.reason();
        }
        return answer instanceof ProviderAnswer.Pending pending ? pending.why() : "done";
    }

    /** Whether the operation still waits (its status is PENDING); a vanished one does not. */
    private boolean operationWaits(UUID operationId) {
        try {
            // compared by name: provider depends on operations, not on workflow, which owns the Status type
            return "PENDING"
                    .equals(String.valueOf(operations.get(operationId, RESOLVER).status()));
        } catch (NotFound gone) {
            return false;
        }
    }

    private static NotFound notFound(UUID operationId) {
        return new NotFound("provider outcome", operationId.toString());
    }
}
