package org.opsdesk.banking.imports;

import java.time.Clock;
import java.time.Duration;
import org.opsdesk.shared.PollingThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes over the API imports whose node stopped mid-run (ADR 0033): every {@code
 * opsdesk.banking.imports.sweep-interval} each node looks for a running import whose heartbeat is older than the
 * lease and claims it with {@code FOR UPDATE SKIP LOCKED} (one node takes each). If the stopped node had stored the
 * file's statements (they are stored in one transaction), matching is resumed — it decides only undecided entries,
 * so running it again is safe — and the import ends done; if nothing was stored, it ends refused with a message
 * saying so: the file is to be imported again.
 */
@Service
public class StaleImports implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StaleImports.class);

    private final ImportStore store;
    private final StatementImports imports;
    private final ImportLeases leases;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PollingThread thread;

    StaleImports(
            ImportStore store,
            StatementImports imports,
            ImportLeases leases,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${opsdesk.banking.imports.sweep-interval:PT30S}") Duration interval) {
        this.store = store;
        this.imports = imports;
        this.leases = leases;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.thread = new PollingThread("statement-import-sweep", interval, this::recoverOne);
    }

    /** Takes over one stale import, if one is due; true when it did (more may be). */
    public boolean recoverOne() {
        var now = clock.instant();
        var stale = transactions.execute(status ->
                store.claimStale(leases.node(), now.minus(leases.lease()), now).orElse(null));
        if (stale == null) {
            return false;
        }
        if (stale.stored()) {
            log.info("statement import {} left by {}: resuming its matching", stale.id(), stale.previousNode());
            imports.resume(stale.id(), stale.previousNode());
        } else {
            log.info("statement import {} left by {} before storing: refused", stale.id(), stale.previousNode());
            imports.abandon(
                    stale.id(),
                    "the node importing the file (" + stale.previousNode() + ") stopped before its statements were"
                            + " stored; nothing of the file is stored: import it again");
        }
        return true;
    }

    /** Takes over every stale import due now; how many. */
    public int recoverAll() {
        int recovered = 0;
        while (recoverOne()) {
            recovered++;
        }
        return recovered;
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void stop() {
        thread.stop();
    }

    @Override
    public boolean isRunning() {
        return thread.isRunning();
    }
}
