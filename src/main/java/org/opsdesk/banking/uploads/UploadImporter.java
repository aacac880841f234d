package org.opsdesk.banking.uploads;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opsdesk.banking.imports.StatementImports;
import org.opsdesk.banking.mappings.StatementMappings;
import org.opsdesk.banking.uploads.UploadStore.Claimed;
import org.opsdesk.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One node's importer of uploaded files: claims the oldest upload due (waiting, or left by a node that stopped),
 * imports it as the cashier who uploaded it while renewing its lease, and ends it done or refused with the
 * problem. A file that took a node down {@code maxAttempts} times is refused rather than tried for ever.
 */
class UploadImporter {

    private static final Logger log = LoggerFactory.getLogger(UploadImporter.class);

    private final String node;
    private final UploadStore store;
    private final StatementImports imports;
    private final StatementMappings mappings;
    private final TransactionTemplate transactions;
    private final ScheduledExecutorService heartbeat;
    private final Clock clock;
    private final Settings settings;

    /** How long a claim holds, how long bytes are kept after the import ends, how often a file is tried. */
    record Settings(Duration lease, Duration keepFiles, int maxAttempts) {}

    UploadImporter(
            String node,
            UploadStore store,
            StatementImports imports,
            StatementMappings mappings,
            PlatformTransactionManager transactions,
            ScheduledExecutorService heartbeat,
            Clock clock,
            Settings settings) {
        this.node = node;
        this.store = store;
        this.imports = imports;
        this.mappings = mappings;
        this.transactions = new TransactionTemplate(transactions);
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.settings = settings;
    }

    /** Imports one upload if one is due; true when it did (more may be). */
    boolean importOne() {
        var now = clock.instant();
        transactions.executeWithoutResult(s -> store.forgetContent(now.minus(settings.keepFiles())));
        Claimed claimed =
                transactions.execute(s -> store.claim(node, UUID.randomUUID(), now, now.plus(settings.lease()))
                        .orElse(null));
        if (claimed == null) {
            return false;
        }
        if (claimed.previousImportId() != null) {
            imports.abandon(claimed.previousImportId(), "the node importing the file stopped; it is imported again");
        }
        if (claimed.attempts() > settings.maxAttempts()) {
            end(claimed, UploadRefusal.failed("given up after " + settings.maxAttempts() + " attempts"));
            return true;
        }
        long beat = Math.max(1, settings.lease().toMillis() / 3);
        ScheduledFuture<?> renewing =
                heartbeat.scheduleAtFixedRate(() -> renew(claimed), beat, beat, TimeUnit.MILLISECONDS);
        try {
            run(claimed);
        } finally {
            renewing.cancel(false);
        }
        return true;
    }

    private void run(Claimed claimed) {
        try {
            imports.importFile(
                    claimed.importId(),
                    claimed.content(),
                    claimed.fileName(),
                    claimed.bankAccountId(),
                    mappings.csv(claimed.mappingId(), "mapping"),
                    claimed.actor());
            transactions.executeWithoutResult(s -> store.done(claimed.id(), node, clock.instant()));
        } catch (ProblemException refused) {
            end(claimed, UploadRefusal.of(refused));
        } catch (RuntimeException failed) {
            log.warn("uploaded statement file {} could not be imported", claimed.id(), failed);
            end(claimed, UploadRefusal.failed(failed.getClass().getSimpleName()));
        }
    }

    private void end(Claimed claimed, UploadRefusal refusal) {
        transactions.executeWithoutResult(s -> store.refuse(claimed.id(), node, refusal, clock.instant()));
    }

    private void renew(Claimed claimed) {
        try {
            store.renew(claimed.id(), node, clock.instant().plus(settings.lease()));
        } catch (RuntimeException e) { // the next beat tries again; the lease is three beats long
            log.warn("renewing the lease of upload {} failed", claimed.id(), e);
        }
    }
}
