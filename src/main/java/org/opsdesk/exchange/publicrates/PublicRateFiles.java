package org.opsdesk.exchange.publicrates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.accounts.BankAccountPairing;
import org.opsdesk.exchange.currencies.CurrencyBook;
import org.opsdesk.exchange.currencies.CurrencySettings;
import org.opsdesk.exchange.rates.ExchangeMode;
import org.opsdesk.exchange.rates.PairRate;
import org.opsdesk.exchange.rates.RateBook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public rate files, cheap to serve: each request reads the desk's version in one query ({@link DeskVersion})
 * and answers from the files rendered for that version; only when it moved are they rendered again, in one
 * repeatable-read transaction so the files and their version describe the same state. The cache is per instance
 * but keyed on the database's state, so every instance serves the same bytes and {@code ETag} for it.
 */
@Service
class PublicRateFiles {

    private final RateBook rates;
    private final CurrencyBook currencies;
    private final BankAccountPairing accounts;
    private final DeskVersion versions;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration maxAge;
    private final TransactionTemplate snapshotRead;
    private final AtomicReference<@Nullable RateFileSnapshot> cached = new AtomicReference<>();

    PublicRateFiles(
            RateBook rates,
            CurrencyBook currencies,
            BankAccountPairing accounts,
            DeskVersion versions,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${opsdesk.exchange.rates.max-age:PT24H}") Duration maxAge) {
        this.rates = rates;
        this.currencies = currencies;
        this.accounts = accounts;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
        this.snapshotRead = new TransactionTemplate(transactions);
        snapshotRead.setReadOnly(true);
        snapshotRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The files for the desk as it is now. */
    RateFileSnapshot current() {
        var version = versions.at(clock.instant(), maxAge);
        var known = cached.get();
        if (known != null && known.version().equals(version.name())) {
            return known;
        }
        var fresh = snapshotRead.execute(status -> render());
        cached.set(fresh);
        return fresh;
    }

    private RateFileSnapshot render() {
        var version = versions.at(clock.instant(), maxAge);
        var items = items();
        var lastModified = version.lastModified().truncatedTo(ChronoUnit.SECONDS);
        return new RateFileSnapshot(
                version.name(),
                lastModified,
                RateFileRenderer.xml(items),
                RateFileRenderer.csv(items),
                RateFileRenderer.json(items, lastModified, json));
    }

    private List<RateFileItem> items() {
        var settings = new HashMap<String, CurrencySettings>();
        var reserves = new HashMap<String, BigDecimal>();
        var items = new ArrayList<RateFileItem>();
        for (PairRate pair : rates.all()) {
            if (!pair.quotable()) {
                continue;
            }
            String param = pair.mode() == ExchangeMode.AUTOMATIC ? null : "manual";
            var base = settings.computeIfAbsent(pair.base(), currencies::settings);
            var quote = settings.computeIfAbsent(pair.quote(), currencies::settings);
            var baseReserve = reserves.computeIfAbsent(pair.base(), accounts::reserve);
            var quoteReserve = reserves.computeIfAbsent(pair.quote(), accounts::reserve);
            items.add(new RateFileItem(
                    pair.base(),
                    pair.quote(),
                    "1",
                    rate(pair.buy()),
                    plain(quoteReserve),
                    plain(base.minAmount()),
                    plain(base.maxAmount()),
                    param));
            items.add(new RateFileItem(
                    pair.quote(),
                    pair.base(),
                    rate(pair.sell()),
                    "1",
                    plain(baseReserve),
                    plain(quote.minAmount()),
                    plain(quote.maxAmount()),
                    param));
        }
        return items;
    }

    private static String rate(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
