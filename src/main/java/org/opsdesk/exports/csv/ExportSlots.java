package org.opsdesk.exports.csv;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.opsdesk.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many exports may run at once on this node ({@code opsdesk.exports.max-concurrent}, default 4) and per
 * principal ({@code opsdesk.exports.max-concurrent-per-principal}, default 2). An export holds a request thread, a
 * spool file and, while it reads, a database connection: without a bound, a burst of downloads takes the threads
 * and the pool every other request needs. The counts are this node's own; each node bounds itself.
 */
@Component
class ExportSlots {

    private final Semaphore node;
    private final int perPrincipal;
    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

    ExportSlots(
            @Value("${opsdesk.exports.max-concurrent:4}") int perNode,
            @Value("${opsdesk.exports.max-concurrent-per-principal:2}") int perPrincipal) {
        if (perNode < 1 || perPrincipal < 1) {
            throw new IllegalStateException("opsdesk.exports.max-concurrent and "
                    + "opsdesk.exports.max-concurrent-per-principal must be at least 1");
        }
        this.node = new Semaphore(perNode);
        this.perPrincipal = perPrincipal;
    }

    /** A slot for one export by this actor, to be closed when it ends; empty when either limit is reached. */
    Optional<Slot> tryTake(Actor actor) {
        String principal = actor.principalKey();
        boolean[] taken = {false};
        running.compute(principal, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perPrincipal) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        if (!taken[0]) {
            return Optional.empty();
        }
        if (!node.tryAcquire()) {
            release(principal);
            return Optional.empty();
        }
        return Optional.of(new Slot(principal));
    }

    private void release(String principal) {
        running.computeIfPresent(principal, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** One running export's place; closing it twice frees it once. */
    final class Slot implements AutoCloseable {
        private final String principal;
        private boolean closed;

        private Slot(String principal) {
            this.principal = principal;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                node.release();
                release(principal);
            }
        }
    }
}
