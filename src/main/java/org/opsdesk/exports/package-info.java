/**
 * CSV exports of the operations list: the filter of the list (the same parameters as {@code GET
 * /api/v1/operations}), streamed in constant memory through {@link org.opsdesk.operations.OperationQueries#export}, with
 * spreadsheet options (a BOM, {@code ;} as separator) and formula-like text neutralised; and the audit of every
 * export (who, which filter, how many rows, how it ended) in its own insert-only tables (schema {@code exports}).
 * Serves {@code /exports} (the list of past exports and the export form), {@code /exports/operations.csv} and
 * {@code /api/v1/exports}. Publishes nothing for other modules to call.
 */
@ApplicationModule(allowedDependencies = {"shared", "operations", "workflow"})
@NullMarked
package org.opsdesk.exports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
