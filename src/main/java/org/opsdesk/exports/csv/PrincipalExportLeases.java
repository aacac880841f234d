package org.opsdesk.exports.csv;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The per-principal export limit held across nodes: a principal's running exports are leased rows of {@code
 * exports.export_slot}, at most one per slot number below the limit, so two nodes cannot both give out the last
 * slot (the primary key decides). Each lease is taken in its own statement outside any transaction, renewed while
 * its export runs ({@link #renewRunning}, every 15 s) and deleted when it ends; a node that dies mid-export stops
 * renewing, and its slots are free again when their lease ({@code opsdesk.exports.slot-lease}, default one minute)
 * has passed. Time is the application's clock.
 */
@Component
class PrincipalExportLeases {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    PrincipalExportLeases(JdbcClient jdbc, Clock clock, @Value("${opsdesk.exports.slot-lease:PT1M}") Duration lease) {
        if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalStateException("opsdesk.exports.slot-lease must be at least PT30S (renewed every 15 s)");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
    }

    /** A lease on one of the principal's {@code limit} slots, or empty when all are leased and not expired. */
    Optional<UUID> tryLease(String principal, int limit) {
        UUID holder = UUID.randomUUID();
        Instant now = clock.instant();
        for (int slot = 0; slot < limit; slot++) {
            int taken = jdbc.sql(
                            """
                            insert into exports.export_slot (principal, slot, holder, leased_until) values (?, ?, ?, ?)
                            on conflict (principal, slot) do update
                                set holder = excluded.holder, leased_until = excluded.leased_until
                                where export_slot.leased_until < ?""")
                    .params(principal, slot, holder, ts(now.plus(lease)), ts(now))
                    .update();
            if (taken == 1) {
                held.add(holder);
                return Optional.of(holder);
            }
        }
        return Optional.empty();
    }

    void release(UUID holder) {
        held.remove(holder);
        jdbc.sql("delete from exports.export_slot where holder = ?")
                .param(holder)
                .update();
    }

    /** Keeps this node's running exports' leases from expiring under them. */
    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
    void renewRunning() {
        if (held.isEmpty()) {
            return;
        }
        jdbc.sql("update exports.export_slot set leased_until = ? where holder = any (cast(? as uuid[]))")
                .params(
                        ts(clock.instant().plus(lease)),
                        held.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
