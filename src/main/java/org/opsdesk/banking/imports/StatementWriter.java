package org.opsdesk.banking.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.formats.ParsedEntry;
import org.opsdesk.banking.formats.ParsedStatement;
import org.opsdesk.banking.imports.ImportResult.StoredStatement;
import org.opsdesk.banking.imports.StatementTargets.Target;
import org.springframework.stereotype.Component;

/**
 * Stores one statement of a file, in the import's transaction: the statement the first time it is seen (with a
 * gap noted when its opening balance is not the previous statement's closing), then its entries in slices, each
 * entry only if the account does not have it yet.
 */
@Component
class StatementWriter {

    private final ImportStore store;

    StatementWriter(ImportStore store) {
        this.store = store;
    }

    StoredStatement write(
            int index,
            Target target,
            UUID importId,
            Instant now,
            ImportProgress progress,
            List<ImportWarning> warnings) {
        ParsedStatement statement = target.statement();
        UUID accountId = target.account().id();
        UUID existing = store.statementOf(accountId, statement).orElse(null);
        UUID statementId = existing != null ? existing : UUID.randomUUID();
        if (existing == null) {
            BigDecimal gap = previousClosingIfGap(accountId, statement, statementId);
            if (gap != null) {
                warnings.add(new ImportWarning(
                        "GAP",
                        index,
                        "opens at " + statement.openingBalance().amount().toPlainString() + " but the previous"
                                + " statement of " + target.account().number() + " closed at " + gap.toPlainString()
                                + ": a statement is missing in between"));
            }
            store.insertStatement(statementId, importId, accountId, statement, target.currency(), gap, now);
        }
        int entriesNew = writeEntries(accountId, statementId, importId, statement.entries(), now, progress);
        progress.statementRead();
        if (existing == null) {
            store.countNewEntries(statementId, entriesNew);
        }
        var stored = new StoredStatement(
                statementId,
                accountId,
                statement.accountIdentifier(),
                statement.statementId(),
                statement.sequence(),
                statement.from(),
                statement.to(),
                target.currency(),
                statement.openingBalance() == null
                        ? null
                        : statement.openingBalance().amount(),
                statement.closingBalance() == null
                        ? null
                        : statement.closingBalance().amount(),
                statement.entries().size(),
                entriesNew,
                existing == null);
        store.linkStatement(importId, index, stored);
        return stored;
    }

    private int writeEntries(
            UUID accountId,
            UUID statementId,
            UUID importId,
            List<ParsedEntry> entries,
            Instant now,
            ImportProgress progress) {
        List<byte[]> fingerprints = EntryFingerprints.of(entries);
        int added = 0;
        for (int from = 0; from < entries.size(); from += ImportStore.ENTRY_BATCH) {
            int to = Math.min(entries.size(), from + ImportStore.ENTRY_BATCH);
            added += store.insertEntries(
                    accountId, statementId, importId, entries.subList(from, to), fingerprints.subList(from, to), now);
            progress.entriesStored(to - from);
        }
        return added;
    }

    private @Nullable BigDecimal previousClosingIfGap(UUID accountId, ParsedStatement statement, UUID statementId) {
        LocalDate day = statement.from() != null ? statement.from() : statement.to();
        if (statement.openingBalance() == null || day == null) {
            return null;
        }
        BigDecimal previous = store.closingBefore(accountId, day, statementId).orElse(null);
        return previous == null || previous.compareTo(statement.openingBalance().amount()) == 0 ? null : previous;
    }
}
