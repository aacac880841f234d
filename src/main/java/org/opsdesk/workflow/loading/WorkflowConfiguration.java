package org.opsdesk.workflow.loading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Currencies;
import org.opsdesk.workflow.Workflows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads, validates and versions every definition before anything else can use them. */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkflowConfiguration.class);

    @Bean
    WorkflowVersionStore workflowVersionStore(JdbcClient jdbc, TransactionTemplate transactions) {
        return new WorkflowVersionStore(jdbc, transactions);
    }

    @Bean
    @DependsOnDatabaseInitialization // versions are recorded in a table Flyway creates
    Workflows workflows(
            WorkflowVersionStore versions,
            Currencies currencies,
            @Value("${opsdesk.workflows.dir:}") @Nullable String overrideDirectory) {
        var errors = new ArrayList<String>();
        Path directory = overrideDirectory == null || overrideDirectory.isBlank() ? null : Path.of(overrideDirectory);
        var sources = new WorkflowFileReader().read(directory, errors);
        var definitions = new WorkflowValidator(currencies).validate(sources, errors);
        if (!errors.isEmpty()) {
            throw new InvalidWorkflowDefinitions(errors);
        }
        var locations = new HashMap<String, String>();
        sources.forEach(source -> locations.put(source.file().type(), source.location()));
        var versioned = versions.register(definitions, locations);
        versioned
                .values()
                .forEach(d -> log.info(
                        "Workflow {} v{} ({} stages, {} transitions)",
                        d.type(),
                        d.version(),
                        d.stages().size(),
                        d.transitions().size()));
        return new Workflows(versioned, versions);
    }
}
