package org.opsdesk.provider.outcomes;

import java.util.Map;
import java.util.UUID;
import org.opsdesk.actions.ActionRefused;
import org.opsdesk.actions.ProviderAnswer;
import org.opsdesk.actions.ProviderGateway;
import org.opsdesk.provider.connector.ProviderClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's {@link ProviderGateway}: sends through the {@link ProviderClient} and hands every {@link
 * ProviderAnswer.Pending} answer to the {@link OutcomeResolver} before returning it, so an outcome not known now
 * is always waited for (a row per operation; a repeated send keeps the first).
 */
@Component
class ProviderConnector implements ProviderGateway {

    private final ProviderClient client;
    private final OutcomeResolver resolver;

    ProviderConnector(ProviderClient client, OutcomeResolver resolver) {
        this.client = client;
        this.resolver = resolver;
    }

    @Override
    public boolean configured() {
        return client.configured();
    }

    @Override
    public ProviderAnswer send(UUID operationId, String actionId, Map<String, Object> request) {
        if (!client.configured()) {
            throw new ActionRefused("no provider configured"); // never pretended: the catalog asks configured() first
        }
        ProviderAnswer answer = client.send(operationId, actionId, request);
        if (answer instanceof ProviderAnswer.Pending pending) {
            resolver.pending(operationId, actionId, pending.why());
        }
        return answer;
    }
}
