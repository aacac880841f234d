package org.opsdesk.exports.csv;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.opsdesk.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many exports may run at once on this node ({@code opsdesk.exports.max-concurrent}, default 4) and per
 * principal across all nodes ({@code opsdesk.exports.max-concurrent-per-principal}, default 2). An export holds a
 * request thread, a spool file and, while it reads, a database connection: without a bound, a burst of downloads
 * takes the threads and the pool every other request needs. The node's count is its own; the principal's is leased
 * in the database ({@link PrincipalExportLeases}), so spreading requests over nodes does not multiply it.
 */
@Component
class ExportSlots {

    private final Semaphore node;
    private final int perPrincipal;
    private final PrincipalExportLeases leases;

    ExportSlots(
            @Value("${opsdesk.exports.max-concurrent:4}") int perNode,
            @Value("${opsdesk.exports.max-concurrent-per-principal:2}") int perPrincipal,
            PrincipalExportLeases leases) {
        if (perNode < 1 || perPrincipal < 1) {
            throw new IllegalStateException("opsdesk.exports.max-concurrent and "
                    + "opsdesk.exports.max-concurrent-per-principal must be at least 1");
        }
        this.node = new Semaphore(perNode);
        this.perPrincipal = perPrincipal;
        this.leases = leases;
    }

    /** A slot for one export by this actor, to be closed when it ends; empty when either limit is reached. */
    Optional<Slot> tryTake(Actor actor) {
        if (!node.tryAcquire()) {
            return Optional.empty();
        }
        try {
            var lease = leases.tryLease(actor.principalKey(), perPrincipal);
            if (lease.isEmpty()) {
                node.release();
                return Optional.empty();
            }
            return Optional.of(new Slot(lease.get()));
        } catch (RuntimeException e) {
            node.release();
            throw e;
        }
    }

    /** One running export's place; closing it twice frees it once. */
    final class Slot implements AutoCloseable {
        private final UUID lease;
        private boolean closed;

        private Slot(UUID lease) {
            this.lease = lease;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    leases.release(lease);
                } finally {
                    node.release();
                }
            }
        }
    }
}
