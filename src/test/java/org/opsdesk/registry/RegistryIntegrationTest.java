package org.opsdesk.registry;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.RegistryActions;
import org.opsdesk.support.TestSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry's integration tests: the application over real PostgreSQL, its actions taken as the catalog will. */
abstract class RegistryIntegrationTest extends IntegrationTest {

    @Autowired
    List<ActionHandler> handlers;

    @Autowired
    List<ActionTargets> targets;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ConfigurableEnvironment environment;

    RegistryActions registry() {
        return new RegistryActions(handlers, targets, transactions);
    }

    /**
     * Switches the tenant's messaging feature ({@code opsdesk.registry.messaging.enabled}, read at each use) for this
     * test, as an operator changing the setting would; the tests' configuration leaves it unset (off).
     */
    void messaging(boolean on) {
        TestSettings.set(environment, TestSettings.MESSAGING, String.valueOf(on));
    }

    @AfterEach
    void messagingAsConfigured() {
        TestSettings.reset(environment, TestSettings.MESSAGING);
    }
}
