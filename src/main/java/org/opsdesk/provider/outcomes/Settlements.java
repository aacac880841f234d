package org.opsdesk.provider.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.operations.OperationCommands;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.ProblemException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settling a provider outcome by hand, under four-eyes: a maker says what the outcome was and why (the outcome
 * stays pending); a second person — not the maker's person, so not their key either — approves it, which ends the
 * wait as {@code settled} and publishes the {@link org.opsdesk.actions.ProviderOutcome} in that transaction, or
 * declines it. Each step is in the operation's history (a comment by {@code provider}) and the module's own
 * insert-only log. An outcome that became known before the approval voids the settlement.
 */
@Service
class Settlements {

    static final int REASON_MAX = 500;
    private static final Actor PROVIDER = Actor.system("provider");

    private final SettlementStore settlements;
    private final PendingOutcomeStore outcomes;
    private final OutcomeResolver resolver;
    private final OperationQueries operationQueries;
    private final OperationCommands operationCommands;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Settlements(
            SettlementStore settlements,
            PendingOutcomeStore outcomes,
            OutcomeResolver resolver,
            OperationQueries operationQueries,
            OperationCommands operationCommands,
            TransactionTemplate transactions,
            Clock clock) {
        this.settlements = settlements;
        this.outcomes = outcomes;
        this.resolver = resolver;
        this.operationQueries = operationQueries;
        this.operationCommands = operationCommands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Asks for a settlement; the outcome stays pending until a second person approves. */
    Settlement request(UUID operationId, @Nullable String outcome, @Nullable String reason, Actor maker) {
        String said = checkedOutcome(outcome);
        String why = checkedReason(reason);
        operationQueries.get(operationId, maker); // 404 for an operation the maker may not see
        return transactions.execute(status -> {
            var row = outcomes.lock(operationId).orElseThrow(() -> notFound("provider outcome", operationId));
            if (!row.pending()) {
                throw new OutcomeNotPending(row);
            }
            if (settlements.pendingFor(operationId).isPresent()) {
                throw SettlementRefused.alreadyPending();
            }
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            settlements.insert(id, operationId, said, why, maker, now);
            outcomes.log(operationId, "settle-requested", said + ": " + why, maker, now);
            comment(
                    operationId,
                    "Provider outcome: " + who(maker) + " asks to settle it as " + said + " (" + why
                            + "); a second person must approve.");
            return settlements.find(id).orElseThrow().settlement();
        });
    }

    /** Approves a pending settlement (not by its maker) and ends the wait with its outcome. */
    Settlement approve(UUID id, Actor checker) {
        var found = visible(id, checker);
        boolean voided = Boolean.TRUE.equals(transactions.execute(status -> {
            var row = outcomes.lock(found.settlement().operationId()).orElseThrow();
            var current = settlements.find(id).orElseThrow();
            if (!current.settlement().pending()) {
                throw SettlementRefused.notPending(current.settlement().state());
            }
            if (current.makerPerson().equals(checker.person())) {
                throw SettlementRefused.makerCannotApprove();
            }
            Instant now = clock.instant();
            UUID operationId = row.operationId();
            if (!row.pending()) { // known meanwhile: the void is kept, and the caller told
                settlements.decide(
                        id, "void", "the outcome became " + row.state().code() + " first", checker, now);
                outcomes.log(operationId, "settle-void", id.toString(), checker, now);
                return true;
            }
            settlements.decide(id, "approved", null, checker, now);
            outcomes.log(operationId, "settle-approved", id.toString(), checker, now);
            comment(
                    operationId,
                    "Provider outcome settled as " + current.settlement().outcome() + ", approved by " + who(checker)
                            + " (asked by " + current.settlement().requestedBy() + ").");
            resolver.resolve(operationId, answer(current.settlement()), "settled", checker);
            return false;
        }));
        if (voided) {
            throw SettlementRefused.voided();
        }
        return settlements.find(id).orElseThrow().settlement();
    }

    /** Declines a pending settlement with a reason; the outcome stays pending. */
    Settlement decline(UUID id, @Nullable String reason, Actor checker) {
        String why = checkedReason(reason);
        var found = visible(id, checker);
        transactions.executeWithoutResult(status -> {
            outcomes.lock(found.settlement().operationId()).orElseThrow();
            Instant now = clock.instant();
            if (!settlements.decide(id, "declined", why, checker, now)) {
                throw SettlementRefused.notPending(
                        settlements.find(id).orElseThrow().settlement().state());
            }
            UUID operationId = found.settlement().operationId();
            outcomes.log(operationId, "settle-declined", why, checker, now);
            comment(
                    operationId,
                    "Provider outcome: " + who(checker) + " declined the settlement as "
                            + found.settlement().outcome() + " (" + why + ").");
        });
        return settlements.find(id).orElseThrow().settlement();
    }

    /** The operation's settlement waiting for a decision, if any (for the panel). */
    java.util.Optional<Settlement> pendingFor(UUID operationId) {
        return settlements.pendingFor(operationId).map(SettlementStore.Stored::settlement);
    }

    /** Whether this actor's person asked for the settlement (and so may not approve it). */
    boolean askedBy(UUID id, Actor actor) {
        return settlements
                .find(id)
                .map(s -> s.makerPerson().equals(actor.person()))
                .orElse(false);
    }

    /** A settlement whose operation the caller may see, else "not found". */
    private SettlementStore.Stored visible(UUID id, Actor actor) {
        var found = settlements.find(id).orElseThrow(() -> notFound("settlement", id));
        try {
            operationQueries.get(found.settlement().operationId(), actor);
        } catch (NotFound hidden) {
            throw notFound("settlement", id);
        }
        return found;
    }

    private void comment(UUID operationId, String text) {
        operationCommands.comment(operationId, text, PROVIDER);
    }

    /** An actor as the history names them: the name, and the person four-eyes compared. */
    private static String who(Actor actor) {
        return actor.name() + " (" + actor.person() + ")";
    }

    private static ProviderAnswer answer(Settlement settlement) {
        return settlement.outcome().equals("done")
                ? new ProviderAnswer.Done(Map.of(
                        "settledBy", "hand", "settlement", settlement.id().toString()))
                : new ProviderAnswer.Failed("settled by hand: " + settlement.reason());
    }

    private static String checkedOutcome(@Nullable String outcome) {
        if (!"done".equals(outcome) && !"failed".equals(outcome)) {
            throw InvalidInput.of("outcome", "must be done or failed");
        }
        return outcome;
    }

    static String checkedReason(@Nullable String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new InvalidInput(List.of(new FieldError("reason", "must not be blank")));
        }
        if (text.length() > REASON_MAX || !text.matches("[^\\p{Cntrl}]*")) {
            throw InvalidInput.of("reason", "at most " + REASON_MAX + " characters, no control characters");
        }
        return text;
    }

    private static NotFound notFound(String what, UUID id) {
        return new NotFound(what, id.toString());
    }
}
