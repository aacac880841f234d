/**
 * Operations of every type with their one canonical status and stage, their append-only hash-chained history,
 * the transactional outbox of {@link org.opsdesk.operations.StatusChanged} and {@link
 * org.opsdesk.operations.AttributesChanged} events (both {@link org.opsdesk.operations.OperationEvent}s), assignment,
 * and four-eyes
 * approval requests (which commit with the operation's row lock and history, docs/adr/0004). Publishes the
 * {@link org.opsdesk.operations.OperationCommands}, {@link org.opsdesk.operations.OperationQueries} and
 * {@link org.opsdesk.operations.Approvals} facades, the snapshot,
 * request and event records, the {@link org.opsdesk.operations.AssigneeDirectory} port that {@code access}
 * implements, and the permission names ({@link org.opsdesk.operations.OperationPermissions}). Inside, by
 * feature: {@code lifecycle} (the aggregate, its store and history chain, the REST API under {@code
 * /api/v1/operations} and the operation page), {@code queue} (the console's list {@code /operations}: filters,
 * status tabs, saved views, bulk actions), {@code approvals} (the requests, {@code /api/v1/approvals} and the
 * approvals page), {@code statistics} (counters and figures), {@code outbox} (relay and retention), {@code
 * timers}, and {@code scheduling} (the background threads, back-off and dead letters). Moves are decided by the
 * operation's workflow version.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow"})
@NullMarked
package org.opsdesk.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
