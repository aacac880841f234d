/**
 * Workflow definitions: for every operation type, its stages (each mapped to one canonical {@link
 * org.opsdesk.workflow.Status}), the transitions between them with their trigger, permission, reason and
 * four-eyes rules, and timers. Definitions are read from YAML files (shipped, plus an optional override
 * directory), validated as a whole at start-up, and versioned in PostgreSQL so an operation keeps the version it
 * was created under. Serves the console's {@code /workflows} pages (each definition drawn as a diagram), into which
 * other modules add panels ({@link org.opsdesk.workflow.WorkflowPagePanel}). Publishes {@link
 * org.opsdesk.workflow.Workflows} and the definition model; knows nothing of operations themselves.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.opsdesk.workflow;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
