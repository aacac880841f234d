package org.opsdesk.exchange.ecbimport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.exchange.ecb.EcbReferenceRates;
import org.opsdesk.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches the ECB reference rates from {@code opsdesk.exchange.ecb.url} on {@code opsdesk.exchange.ecb.cron} and
 * imports them (an empty URL turns the schedule off). Several instances may run: each run first takes the lease
 * row {@code exchange.ecb_import_lease} for twice the timeout plus a minute, so one instance fetches and the others
 * skip. A fetch that fails (unreachable, slow, too large, not an ECB file) is recorded as a failed import.
 */
@Component
class EcbSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(EcbSchedule.class);
    static final Actor ACTOR = Actor.system("ecb-import");

    private final EcbImport importer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String url;
    private final Duration timeout;
    private final String node = UUID.randomUUID().toString();

    EcbSchedule(
            EcbImport importer,
            JdbcClient jdbc,
            Clock clock,
            @Value("${opsdesk.exchange.ecb.url:}") String url,
            @Value("${opsdesk.exchange.ecb.timeout:PT10S}") Duration timeout) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.url = url.strip();
        this.timeout = timeout;
    }

    @Scheduled(cron = "${opsdesk.exchange.ecb.cron:0 30 16 * * MON-FRI}", zone = "${opsdesk.exchange.ecb.zone:CET}")
    void onSchedule() {
        if (url.isEmpty()) {
            return;
        }
        run(URI.create(url), timeout)
                .ifPresent(done -> LOG.info(
                        "ECB import from {}: {}, {} pairs set, {} skipped",
                        url,
                        done.succeeded() ? "succeeded" : "failed: " + done.reason(),
                        done.pairsSet().size(),
                        done.pairsSkipped().size()));
    }

    /** One run: empty when another instance holds the lease, else the recorded import. */
    Optional<ImportRecord> run(URI from, Duration wait) {
        if (!takeLease(wait.multipliedBy(2).plusMinutes(1))) {
            return Optional.empty();
        }
        try {
            var started = clock.instant().truncatedTo(ChronoUnit.MICROS);
            byte[] file;
            try {
                file = new EcbFetcher(wait, EcbReferenceRates.MAX_BYTES).fetch(from);
            } catch (EcbFetcher.Failed failed) {
                return Optional.of(importer.failed("schedule", from.toString(), ACTOR, started, failed.getMessage()));
            }
            return Optional.of(importer.attempt(file, "schedule", from.toString(), ACTOR));
        } finally {
            releaseLease();
        }
    }

    private boolean takeLease(Duration length) {
        var now = clock.instant();
        return jdbc.sql(
                                """
                                update exchange.ecb_import_lease set held_by = ?, held_until = ?
                                where id = 1 and held_until < ?""")
                        .params(
                                node,
                                now.plus(length).atOffset(java.time.ZoneOffset.UTC),
                                now.atOffset(java.time.ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private void releaseLease() {
        jdbc.sql("update exchange.ecb_import_lease set held_until = '-infinity' where id = 1 and held_by = ?")
                .param(node)
                .update();
    }
}
