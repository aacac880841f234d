package org.opsdesk.exchange.rates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.web.DeskRefusal;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's rates: each pair's current buy/sell rate with its exchange mode, and the one way to change them. The
 * API and the console set rates here by hand (source {@code manual}), the ECB import with source {@code ecb},
 * and orders read {@link #current} to quote. The same rules hold whoever calls: both currencies known (404) and
 * enabled (422), base ≠ quote, {@code sell > buy > 0} with at most {@value #MAX_DECIMALS} decimals and
 * {@value #MAX_INTEGER_DIGITS} integer digits (422 naming the field), the actor holding {@code exchange:manage}
 * (internal processes do). Every rate set is appended to the pair's insert-only history; a rate older than
 * {@code opsdesk.exchange.rates.max-age} (default 24 hours) is stale and no longer quotable.
 */
@Service
public class RateBook {

    /** The most decimals a rate may have. */
    public static final int MAX_DECIMALS = 10;
    /** The most digits a rate may have before its decimal point. */
    public static final int MAX_INTEGER_DIGITS = 12;

    private final RateStore store;
    private final CurrencyBook currencies;
    private final Clock clock;
    private final Duration maxAge;

    RateBook(
            RateStore store,
            CurrencyBook currencies,
            Clock clock,
            @Value("${opsdesk.exchange.rates.max-age:PT24H}") Duration maxAge) {
        this.store = store;
        this.currencies = currencies;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The pair's current rate with its mode and whether it may be quoted now; empty when it has no rate. */
    public Optional<PairRate> current(String base, String quote) {
        return store.find(base, quote).map(pair -> rate(pair, currencies::enabled));
    }

    /** Every pair with a rate, by base and quote (one transaction: the terms' version is checked once). */
    @Transactional(readOnly = true)
    public List<PairRate> all() {
        var enabled = Set.copyOf(currencies.enabledCodes());
        return store.pairs().stream().map(pair -> rate(pair, enabled::contains)).toList();
    }

    /**
     * Sets the pair's rate (creating the pair, in {@link ExchangeMode#MANUAL} mode, on its first rate) and appends
     * it to the pair's history.
     *
     * @param source where the rate comes from: {@code manual}, {@code ecb}, ... (a lower-case word)
     * @throws NotFound for a currency outside the dictionary
     * @throws DeskRefusal (422) naming {@code base}, {@code quote}, {@code buy} or {@code sell}
     * @throws PermissionDenied when the actor lacks {@code exchange:manage}
     */
    @Transactional
    public PairRate set(String base, String quote, BigDecimal buy, BigDecimal sell, String source, Actor actor) {
        return set(base, quote, buy, sell, null, source, actor);
    }

    /** As {@link #set(String, String, BigDecimal, BigDecimal, String, Actor)}, changing the mode too when given. */
    @Transactional
    public PairRate set(
            String base,
            String quote,
            BigDecimal buy,
            BigDecimal sell,
            @Nullable ExchangeMode mode,
            String source,
            Actor actor) {
        pair(base, quote);
        allowed(actor);
        RateRules.check(buy, sell);
        RateRules.source(source);
        enabled("base", base);
        enabled("quote", quote);
        Instant now = now();
        store.lock(base, quote);
        store.setRate(
                base,
                quote,
                new RateChange(
                        UUID.randomUUID(), buy, sell, source, actor.kind().code(), actor.id(), actor.name(), now));
        if (mode != null) {
            var stored = store.lock(base, quote).orElseThrow();
            if (stored.mode() != mode) {
                store.setMode(stored, mode, actor, now);
            }
        }
        return current(base, quote).orElseThrow();
    }

    /** Changes the exchange mode of a pair that has a rate (404 otherwise), recording who and when. */
    @Transactional
    public PairRate setMode(String base, String quote, ExchangeMode mode, Actor actor) {
        pair(base, quote);
        allowed(actor);
        var stored = store.lock(base, quote).orElseThrow(() -> new NotFound("pair", base + "/" + quote));
        if (stored.mode() != mode) {
            store.setMode(stored, mode, actor, now());
        }
        return current(base, quote).orElseThrow();
    }

    /** Checks that the codes name a pair of two different currencies of the dictionary: 404, or 422 on quote. */
    void pair(String base, String quote) {
        currencies.currency(base);
        currencies.currency(quote);
        if (base.equals(quote)) {
            throw DeskRefusal.of("quote", "same_currency", "must differ from base");
        }
    }

    Duration maxAge() {
        return maxAge;
    }

    private PairRate rate(RateStore.Pair pair, java.util.function.Predicate<String> enabled) {
        Quotability quotability;
        if (!enabled.test(pair.base()) || !enabled.test(pair.quote())) {
            quotability = Quotability.CURRENCY_DISABLED;
        } else if (pair.updatedAt().plus(maxAge).isBefore(clock.instant())) {
            quotability = Quotability.STALE;
        } else {
            quotability = Quotability.QUOTABLE;
        }
        return new PairRate(
                pair.base(),
                pair.quote(),
                pair.buy(),
                pair.sell(),
                pair.mode(),
                pair.source(),
                pair.updatedAt(),
                pair.updatedBy(),
                quotability);
    }

    private void enabled(String field, String code) {
        if (!currencies.enabled(code)) {
            throw DeskRefusal.of(field, "currency_disabled", code + " is not enabled at this desk", code);
        }
    }

    private static void allowed(Actor actor) {
        if (!actor.may(ExchangePermissions.MANAGE)) {
            throw new PermissionDenied(ExchangePermissions.MANAGE);
        }
    }

    // PostgreSQL keeps microseconds: the history's keyset positions must compare equal to what was stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
