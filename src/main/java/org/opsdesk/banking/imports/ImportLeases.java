package org.opsdesk.banking.imports;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's hold on the imports it runs: each import's row names the node ({@code claimed_by}) and carries a
 * heartbeat that a thread of its own renews, for all of them in one statement, every third of {@code
 * opsdesk.banking.imports.lease}. A node that stops stops renewing; once the lease ran out another node takes the
 * import over ({@link StaleImports}).
 */
@Component
public class ImportLeases {

    private static final Logger log = LoggerFactory.getLogger(ImportLeases.class);

    private final String node = nodeName();
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final ImportStore store;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledExecutorService heartbeat;

    ImportLeases(ImportStore store, Clock clock, @Value("${opsdesk.banking.imports.lease:PT2M}") Duration lease) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var t = new Thread(runnable, "statement-import-lease");
            t.setDaemon(true);
            return t;
        });
        long beat = Math.max(1, lease.toMillis() / 3);
        heartbeat.scheduleAtFixedRate(this::renew, beat, beat, TimeUnit.MILLISECONDS);
    }

    /** This node's name in the claims: host and a random part (several instances may share a host). */
    public static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            host = "node";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String node() {
        return node;
    }

    Duration lease() {
        return lease;
    }

    /** Keeps the import's lease while this node runs it. */
    void hold(UUID importId) {
        held.add(importId);
    }

    void release(UUID importId) {
        held.remove(importId);
    }

    private void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            store.renew(Set.copyOf(held), node, clock.instant());
        } catch (RuntimeException e) { // the next beat tries again; the lease is three beats long
            log.warn("renewing the leases of statement imports {} failed", held, e);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }
}
