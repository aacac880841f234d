/**
 * Dashboards and reports over the operations: the console's start page at {@code /} (counts by status and type,
 * the pending backlog by age, SLA breaches, created and completed per day, time in stage, operator efficiency)
 * and the same figures as JSON at {@code /api/v1/reports/dashboard}. Owns no tables: counts come from the
 * operations module's maintained counters ({@link org.opsdesk.operations.OperationCounts}) and the other figures
 * from its published statistics facade ({@link org.opsdesk.operations.OperationStatistics}); operator names from
 * {@link org.opsdesk.access.OperatorDirectory}. Publishes nothing.
 */
@ApplicationModule(allowedDependencies = {"shared", "workflow", "operations", "access"})
@NullMarked
package org.opsdesk.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
