package org.opsdesk.actions.invocation;

import org.opsdesk.actions.ProviderOutcome;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves an invocation by a late provider outcome, synchronously inside the transaction that recorded it (the
 * provider module's), so both commit or neither does: done applies the effect, failed ends it {@code failed}, and a
 * resolver that gave up ({@code source} {@code gave-up}) leaves it {@code outcome_unknown} ({@code ERROR}, alerted).
 */
@Component
class ProviderOutcomes {

    static final String GAVE_UP = "gave-up";

    private final ProviderCall calls;

    ProviderOutcomes(ProviderCall calls) {
        this.calls = calls;
    }

    @EventListener
    void on(ProviderOutcome outcome) {
        calls.settle(outcome.operationId(), outcome.answer(), GAVE_UP.equals(outcome.source()));
    }
}
