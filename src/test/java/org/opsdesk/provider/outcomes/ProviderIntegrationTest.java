package org.opsdesk.provider.outcomes;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.opsdesk.provider.FakeProvider;
import org.opsdesk.provider.ProviderOutcomeRecorder;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the provider tests: the shared application, whose connector points at {@code PROVIDER_PORT}, with the
 * {@link FakeProvider} serving that port for the class (reset before each test), the gateway, the resolver's store
 * and the events heard.
 */
abstract class ProviderIntegrationTest extends IntegrationTest {

    static FakeProvider provider;

    /** The real connector: the shared context's primary gateway is the catalog tests' scripted one. */
    @Autowired
    ProviderConnector gateway;

    @Autowired
    ProviderOutcomeRecorder outcomes;

    @Autowired
    PendingOutcomeStore store;

    @BeforeAll
    static void startTheProvider() {
        provider = FakeProvider.start(PROVIDER_PORT);
    }

    @AfterAll
    static void stopTheProvider() {
        provider.close();
    }

    @BeforeEach
    void resetTheProvider() {
        provider.reset();
    }

    /** A pending operation standing for an action's invocation (the catalog's types live on another branch). */
    UUID operation() {
        return UUID.fromString(create(Operations.withdrawal()).get("id").asString());
    }
}
