package org.opsdesk.exchange.ecbimport;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.ecb.BuySell;
import org.opsdesk.exchange.web.DeskRefusal;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spread, in basis points around the ECB cross rate, that the ECB import gives each pair. Only pairs with a
 * spread are imported; setting one does not need the pair to have a rate yet (the import creates it).
 */
@Service
class PairSpreads {

    private final SpreadStore store;
    private final CurrencyBook currencies;
    private final Clock clock;

    PairSpreads(SpreadStore store, CurrencyBook currencies, Clock clock) {
        this.store = store;
        this.currencies = currencies;
        this.clock = clock;
    }

    /** Every configured spread, by base and quote. */
    List<SpreadStore.Spread> all() {
        return store.all();
    }

    /**
     * Sets the pair's spread, recording who, when, before and after.
     *
     * @throws org.opsdesk.shared.NotFound for a currency outside the dictionary
     * @throws DeskRefusal naming {@code quote} (same as base) or {@code spreadBps} (out of range)
     */
    @Transactional
    SpreadStore.Spread set(String base, String quote, Integer spreadBps, Actor actor) {
        currencies.currency(base);
        currencies.currency(quote);
        if (base.equals(quote)) {
            throw DeskRefusal.of("quote", "same_currency", "must differ from base");
        }
        if (!actor.may(ExchangePermissions.MANAGE)) {
            throw new PermissionDenied(ExchangePermissions.MANAGE);
        }
        if (spreadBps == null || spreadBps < 0 || spreadBps > BuySell.MAX_SPREAD_BASIS_POINTS) {
            throw DeskRefusal.of(
                    "spreadBps",
                    "spread_range",
                    "must be 0 to " + BuySell.MAX_SPREAD_BASIS_POINTS + " basis points",
                    BuySell.MAX_SPREAD_BASIS_POINTS);
        }
        return store.save(base, quote, spreadBps, actor, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
