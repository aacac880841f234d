package org.opsdesk.registry;

import java.util.List;
import org.opsdesk.actions.ActionHandler;
import org.opsdesk.actions.ActionTargets;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.RegistryActions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry's integration tests: the application over real PostgreSQL, its actions taken as the catalog will. */
abstract class RegistryIntegrationTest extends IntegrationTest {

    @Autowired
    List<ActionHandler> handlers;

    @Autowired
    List<ActionTargets> targets;

    @Autowired
    TransactionTemplate transactions;

    RegistryActions registry() {
        return new RegistryActions(handlers, targets, transactions);
    }
}
