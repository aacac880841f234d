package org.opsdesk.banking.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.imports.ImportResult.StoredStatement;

/**
 * An import as it stands: while it runs (its progress), once done (what it stored) or refused (why).
 *
 * @param state {@code RUNNING}, {@code DONE} or {@code REFUSED}
 * @param statements the statements it read, in the file's order (empty while it runs)
 */
public record ImportView(
        UUID id,
        String state,
        @Nullable String format,
        @Nullable String variant,
        @Nullable String fileName,
        long fileSize,
        int statementsRead,
        int entriesStored,
        int entriesNew,
        int entriesDuplicate,
        int entriesMatched,
        List<ImportWarning> warnings,
        @Nullable String refusal,
        String createdBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        PhaseTimes times,
        List<StoredStatement> statements) {

    public ImportView {
        warnings = List.copyOf(warnings);
        statements = List.copyOf(statements);
    }
}
