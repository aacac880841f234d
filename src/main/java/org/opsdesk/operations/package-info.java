/**
 * Operations of every type with their one canonical status and stage, their append-only hash-chained history,
 * the transactional outbox of {@link org.opsdesk.operations.StatusChanged} events, assignment, and four-eyes
 * approval requests (which commit with the operation's row lock and history, docs/adr/0004). Publishes the
 * {@link org.opsdesk.operations.Operations} and {@link org.opsdesk.operations.Approvals} facades, the snapshot,
 * request and event records, the {@link org.opsdesk.operations.AssigneeDirectory} port that {@code access}
 * implements, the REST API under {@code /api/v1/operations} and {@code /api/v1/approvals}, and the console's
 * operations list ({@code /operations}: filters, status tabs, saved views, bulk actions). Moves are decided
 * by the operation's workflow version.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow"})
@NullMarked
package org.opsdesk.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
