package org.opsdesk.provider.outcomes;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims due pending outcomes one at a time and checks each: the claim (a lease of {@code lease} and a fresh
 * token) commits before the provider is asked, the answer is recorded only while the token still holds the row.
 * A worker that dies leaves its claim to lapse and another node checks the row; a row resolved meanwhile (a
 * callback) is left alone. One row per claim keeps the lease simple: a check takes at most the connector's
 * attempt timeout, far less than the lease.
 */
class ResolverWorker {

    private final String name;
    private final PendingOutcomeStore store;
    private final OutcomeResolver resolver;
    private final Clock clock;
    private final Duration lease;

    ResolverWorker(String name, PendingOutcomeStore store, OutcomeResolver resolver, Clock clock, Duration lease) {
        this.name = name;
        this.store = store;
        this.resolver = resolver;
        this.clock = clock;
        this.lease = lease;
    }

    static String defaultName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Claims one due row, if any. */
    Optional<PendingOutcomeStore.Claimed> claim() {
        Instant now = clock.instant();
        return store.claim(name, now, now.plus(lease), 1).stream().findFirst();
    }

    /** Claims and checks one due row; false when none was due. */
    boolean runOnce() {
        var claimed = claim();
        claimed.ifPresent(resolver::check);
        return claimed.isPresent();
    }
}
