package org.opsdesk.banking.uploads;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.opsdesk.banking.imports.ImportLeases;
import org.opsdesk.banking.imports.StatementImports;
import org.opsdesk.banking.mappings.StatementMappings;
import org.opsdesk.shared.PollingThread;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports the files cashiers upload in the console, in the background: every node looks, every {@code
 * opsdesk.banking.uploads.poll-interval} (and at once after an upload on this node committed), for an upload due,
 * claims it with {@code FOR UPDATE SKIP LOCKED} (so one node takes each) and imports it. The claim is a lease,
 * renewed while the import runs, so that a node that stops mid-import leaves the file to another.
 */
@Component
class UploadWorker implements SmartLifecycle {

    private final PollingThread thread;
    private final ScheduledExecutorService heartbeat;

    UploadWorker(
            UploadStore store,
            StatementImports imports,
            StatementMappings mappings,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${opsdesk.banking.uploads.poll-interval:PT2S}") Duration interval,
            @Value("${opsdesk.banking.uploads.lease:PT2M}") Duration lease,
            @Value("${opsdesk.banking.uploads.keep-files:PT0S}") Duration keepFiles,
            @Value("${opsdesk.banking.uploads.max-attempts:3}") int maxAttempts) {
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var t = new Thread(runnable, "statement-upload-lease");
            t.setDaemon(true);
            return t;
        });
        var importer = new UploadImporter(
                nodeName(),
                store,
                imports,
                mappings,
                transactions,
                heartbeat,
                clock,
                new UploadImporter.Settings(lease, keepFiles, maxAttempts));
        this.thread = new PollingThread("statement-uploads", interval, importer::importOne);
    }

    /** Looks for the upload as soon as the caller's transaction (which stored it) has committed. */
    void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            thread.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                thread.wake();
            }
        });
    }

    /** This node's name in the claims: host and a random part (several instances may share a host). */
    static String nodeName() {
        return ImportLeases.nodeName();
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @jakarta.annotation.PreDestroy
    void closeHeartbeat() {
        heartbeat.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }
}
