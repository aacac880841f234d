package org.opsdesk.actions;

import java.util.Map;
import java.util.UUID;

/**
 * The port to the payment institution that holds the real accounts, implemented by the {@code provider} module.
 */
public interface ProviderGateway {

    /** Whether a provider is configured; without one, provider actions are refused, never pretended. */
    boolean configured();

    /**
     * Sends one action's request and waits for the answer within the connector's timeouts (5 s to connect, 15 s in
     * all, retried only on network errors and {@code 5xx}, with the same {@code Idempotency-Key} = {@code
     * operationId} on every try). Called outside any transaction. A {@link ProviderAnswer.Pending} answer has
     * already been handed to the outcome resolver, which will publish a {@link ProviderOutcome} once it is known.
     */
    ProviderAnswer send(UUID operationId, String actionId, Map<String, Object> request);
}
