package org.opsdesk.provider;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opsdesk.actions.ProviderOutcome;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stands in for the action catalog (built on another branch) in the shared test application: hears every {@link
 * ProviderOutcome} as the catalog will — synchronously, inside the publisher's transaction — and keeps it, with
 * whether a transaction was active, for the provider tests to assert on.
 */
@Component
public class ProviderOutcomeRecorder {

    /** One event heard, and whether it came inside a transaction. */
    public record Heard(ProviderOutcome outcome, boolean inTransaction) {}

    private final List<Heard> heard = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ProviderOutcome outcome) {
        heard.add(new Heard(outcome, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    /** The events heard about one operation, in order. */
    public List<Heard> of(UUID operationId) {
        return heard.stream()
                .filter(h -> h.outcome().operationId().equals(operationId))
                .toList();
    }
}
