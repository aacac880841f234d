package org.opsdesk.banking.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.formats.CsvMapping;
import org.opsdesk.banking.formats.ReadFile;
import org.opsdesk.banking.formats.StatementFiles;
import org.opsdesk.banking.imports.StatementTargets.Target;
import org.opsdesk.banking.matching.PaymentMatching;
import org.opsdesk.exchange.OfficeAccounts;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.PermissionDenied;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a statement file: reads it (refused whole, with nothing stored, when it is hostile, broken or does not
 * reconcile), finds each statement's office account, then stores the statements and their new entries in one
 * transaction — serialised per account, so that two imports of overlapping statements store each entry once —
 * and keeps each account's balance as its latest statement says. The import's own row is written in short
 * transactions of its own, so that its progress shows while a large file is stored.
 */
@Service
public class StatementImports {

    private static final Logger log = LoggerFactory.getLogger(StatementImports.class);

    private final StatementFiles files;
    private final StatementTargets targets;
    private final StatementWriter writer;
    private final ImportStore store;
    private final OfficeAccounts accounts;
    private final PayoutSettlement payouts;
    private final PaymentMatching matching;
    private final ImportLeases leases;
    private final TransactionTemplate storing;
    private final TransactionTemplate bookkeeping;
    private final Clock clock;

    StatementImports(
            StatementFiles files,
            StatementTargets targets,
            StatementWriter writer,
            ImportStore store,
            OfficeAccounts accounts,
            PayoutSettlement payouts,
            PaymentMatching matching,
            ImportLeases leases,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.files = files;
        this.targets = targets;
        this.writer = writer;
        this.store = store;
        this.accounts = accounts;
        this.payouts = payouts;
        this.matching = matching;
        this.leases = leases;
        this.storing = new TransactionTemplate(transactions);
        this.bookkeeping = new TransactionTemplate(transactions);
        this.bookkeeping.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Imports one file.
     *
     * @param fileName as the cashier's file was called, for people (never used to tell the format)
     * @param bankAccountId the office account every statement of the file is assigned to (a file of one account
     *     whose number the bank masked); null: each statement's own identifier decides
     * @param mapping the bank's saved CSV mapping, used only when the file is neither XML nor MT940
     * @throws org.opsdesk.banking.formats.StatementFileRefused when the file cannot be read or does not reconcile
     * @throws org.opsdesk.shared.InvalidInput naming each statement whose account is not the office's
     */
    public ImportResult importFile(
            byte[] content,
            @Nullable String fileName,
            @Nullable UUID bankAccountId,
            @Nullable CsvMapping mapping,
            Actor actor) {
        return importFile(UUID.randomUUID(), content, fileName, bankAccountId, mapping, actor);
    }

    /**
     * Imports one file under an id the caller chose, so that whoever started it (the console's background uploads)
     * can follow its progress while it runs; otherwise as {@link #importFile(byte[], String, UUID, CsvMapping,
     * Actor)}. The id must be new: no import has it yet.
     */
    public ImportResult importFile(
            UUID importId,
            byte[] content,
            @Nullable String fileName,
            @Nullable UUID bankAccountId,
            @Nullable CsvMapping mapping,
            Actor actor) {
        if (!actor.may(BankingPermissions.STATEMENTS)) {
            throw new PermissionDenied(BankingPermissions.STATEMENTS);
        }
        long readStarted = System.nanoTime();
        ReadFile file = files.read(content, mapping);
        List<Target> resolved = targets.resolve(file, bankAccountId);
        int readMillis = PhaseTimes.since(readStarted);
        bookkeeping.executeWithoutResult(status -> store.begin(
                importId, sha256(content), fileName, content.length, actor, leases.node(), clock.instant()));
        leases.hold(importId);
        try {
            long storeStarted = System.nanoTime();
            ImportResult stored = storing.execute(status -> storeAll(importId, file, resolved));
            int storeMillis = PhaseTimes.since(storeStarted);
            long matchStarted = System.nanoTime();
            List<ImportWarning> matchWarnings = match(importId);
            var times = new PhaseTimes(readMillis, storeMillis, PhaseTimes.since(matchStarted));
            ImportResult result = stored.withTimes(times).withWarnings(matchWarnings);
            bookkeeping.executeWithoutResult(
                    status -> store.finish(importId, leases.node(), result.warnings(), times, clock.instant()));
            return result;
        } catch (RuntimeException failed) {
            log.warn("statement import {} failed while storing", importId, failed);
            bookkeeping.executeWithoutResult(
                    status -> store.refuse(importId, failed.getClass().getSimpleName(), clock.instant()));
            throw failed;
        } finally {
            leases.release(importId);
        }
    }

    /**
     * Finishes an import this node took over from one that stopped after storing its statements: settles and
     * matches what is still undecided (both skip what the stopped node decided), under this node's lease. The
     * warnings of reading the file died with the node; the gaps are found again from the stored statements.
     */
    void resume(UUID importId, @Nullable String previousNode) {
        leases.hold(importId);
        try {
            long matchStarted = System.nanoTime();
            var warnings = new ArrayList<ImportWarning>();
            warnings.add(new ImportWarning(
                    "RESUMED",
                    null,
                    "the node importing the file (" + previousNode + ") stopped after storing its statements;" + " "
                            + leases.node() + " matched the entries it had not decided"));
            warnings.addAll(store.gapWarnings(importId));
            warnings.addAll(match(importId));
            var times = new PhaseTimes(null, null, PhaseTimes.since(matchStarted));
            bookkeeping.executeWithoutResult(
                    status -> store.finish(importId, leases.node(), warnings, times, clock.instant()));
        } finally {
            leases.release(importId);
        }
    }

    /**
     * Settles the payouts the new entries confirm or return, then matches the credits to orders. The entries are
     * stored whatever happens here: a failure is a warning on the import, and the entries wait in the queue.
     */
    private List<ImportWarning> match(UUID importId) {
        try {
            payouts.settle(importId);
            matching.matchImport(importId);
            return List.of();
        } catch (RuntimeException failed) {
            log.warn("statement import {}: matching its entries failed", importId, failed);
            return List.of(new ImportWarning(
                    "MATCHING",
                    null,
                    "the entries are stored but matching them failed ("
                            + failed.getClass().getSimpleName() + "); they wait in the payments queue"));
        }
    }

    /**
     * Closes an import whose importing node stopped before it ended (its storing transaction rolled back with it):
     * refused with that reason, so that it no longer shows as running. An import that ended is left as it is.
     */
    public void abandon(UUID importId, String why) {
        bookkeeping.executeWithoutResult(status -> store.refuse(importId, why, clock.instant()));
    }

    private ImportResult storeAll(UUID importId, ReadFile file, List<Target> resolved) {
        resolved.stream()
                .map(target -> target.account().id())
                .distinct()
                .sorted(Comparator.naturalOrder()) // the same order everywhere: no deadlock between imports
                .forEach(store::lockAccount);
        Instant now = clock.instant();
        var progress = new ImportProgress((statements, entries) ->
                bookkeeping.executeWithoutResult(status -> store.progress(importId, statements, entries)));
        List<ImportResult.StoredStatement> stored = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        file.warnings().forEach(w -> warnings.add(new ImportWarning("FILE", null, w)));
        for (int i = 0; i < resolved.size(); i++) {
            stored.add(writer.write(i, resolved.get(i), importId, now, progress, warnings));
        }
        int entriesNew = stored.stream()
                .mapToInt(ImportResult.StoredStatement::entriesNew)
                .sum();
        int entriesTotal = stored.stream()
                .mapToInt(ImportResult.StoredStatement::entriesTotal)
                .sum();
        stored.stream()
                .map(ImportResult.StoredStatement::bankAccountId)
                .distinct()
                .forEach(this::keepBalance);
        store.stored(
                importId, file.format().name(), file.variant(), stored.size(), entriesNew, entriesTotal - entriesNew);
        return new ImportResult(
                importId,
                file.format().name(),
                file.variant(),
                stored,
                entriesNew,
                entriesTotal - entriesNew,
                warnings,
                new PhaseTimes(null, null, null));
    }

    /** The account's balance is its latest statement's closing balance, true at the end of that statement's day. */
    private void keepBalance(UUID bankAccountId) {
        store.latestStatement(bankAccountId)
                .ifPresent(latest -> accounts.recordBalance(
                        bankAccountId,
                        latest.closingBalance(),
                        latest.toDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
