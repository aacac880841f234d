package org.opsdesk.exchange.ecbimport;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.UUID;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.ecb.BuySell;
import org.opsdesk.exchange.ecb.EcbDay;
import org.opsdesk.exchange.ecb.EcbReferenceRates;
import org.opsdesk.exchange.rates.RateBook;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.ProblemException;
import org.springframework.stereotype.Service;

/**
 * Sets the rates of every pair with a spread from an ECB reference-rate file: on the file's newest business day,
 * each pair whose two currencies the file lists (the euro always, any two others through it) gets {@link
 * EcbDay#buySell} around its cross rate, rounded to {@link RateBook#MAX_DECIMALS} decimals, through {@link
 * RateBook#set} with source {@code ecb} — the same rules and history as a rate set by hand. A pair the file does not
 * cover, or the rate book refuses (a currency no longer enabled), is skipped with the reason; the others are set
 * each in its own transaction. Every import, refused files included, is appended to the insert-only log.
 */
@Service
class EcbImport {

    static final String SOURCE = "ecb";

    private final PairSpreads spreads;
    private final RateBook rates;
    private final ImportLog log;
    private final Clock clock;

    EcbImport(PairSpreads spreads, RateBook rates, ImportLog log, Clock clock) {
        this.spreads = spreads;
        this.rates = rates;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Imports a file the ECB publishes (XML, CSV or ZIP).
     *
     * @param origin {@code upload} or {@code schedule}
     * @param location the uploaded file's name or the URL it was fetched from
     * @throws InvalidInput naming {@code file} when the file is not one the ECB publishes (recorded as failed)
     * @throws PermissionDenied when the actor lacks {@code exchange:manage} (not recorded: nothing was tried)
     */
    ImportRecord run(byte[] file, String origin, String location, Actor actor) {
        var done = attempt(file, origin, location, actor);
        if (!done.succeeded()) {
            throw InvalidInput.of("file", String.valueOf(done.reason()));
        }
        return done;
    }

    /** As {@link #run}, but a refused file is only recorded as failed and returned, not thrown. */
    ImportRecord attempt(byte[] file, String origin, String location, Actor actor) {
        if (!actor.may(ExchangePermissions.MANAGE)) {
            throw new PermissionDenied(ExchangePermissions.MANAGE);
        }
        var started = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EcbDay day;
        try {
            day = EcbReferenceRates.parse(file).latest();
        } catch (InvalidInput refused) {
            String reason = refused.errors().isEmpty()
                    ? refused.detail()
                    : refused.errors().get(0).message();
            return failed(origin, location, actor, started, reason);
        }
        var set = new ArrayList<String>();
        var skipped = new ArrayList<ImportRecord.Skipped>();
        for (var spread : spreads.all()) {
            if (!day.lists(spread.base()) || !day.lists(spread.quote())) {
                String missing = day.lists(spread.base()) ? spread.quote() : spread.base();
                skipped.add(new ImportRecord.Skipped(spread.pair(), missing + " is not in the file"));
                continue;
            }
            try {
                BuySell rate = day.buySell(spread.base(), spread.quote(), spread.spreadBps(), RateBook.MAX_DECIMALS);
                rates.set(spread.base(), spread.quote(), rate.buy(), rate.sell(), SOURCE, actor);
                set.add(spread.pair());
            } catch (ProblemException refused) {
                skipped.add(new ImportRecord.Skipped(spread.pair(), refused.detail()));
            }
        }
        var entry = new ImportRecord(
                UUID.randomUUID(), origin, location, actor.name(), started, day.date(), true, null, set, skipped);
        log.append(entry, actor);
        return entry;
    }

    /** Records an import that could not read its file (refused, or not fetched), setting nothing. */
    ImportRecord failed(String origin, String location, Actor actor, java.time.Instant started, String reason) {
        var entry = new ImportRecord(
                UUID.randomUUID(),
                origin,
                location,
                actor.name(),
                started,
                null,
                false,
                reason,
                java.util.List.of(),
                java.util.List.of());
        log.append(entry, actor);
        return entry;
    }
}
