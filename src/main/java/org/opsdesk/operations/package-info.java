/**
 * Operations of every type with their one canonical status and stage, their append-only hash-chained history,
 * and the transactional outbox of {@link org.opsdesk.operations.StatusChanged} events. Publishes the
 * {@link org.opsdesk.operations.Operations} facade, the snapshot and event records, and the REST API under
 * {@code /api/v1/operations}. Moves are decided by the operation's workflow version.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow"})
@NullMarked
package org.opsdesk.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
