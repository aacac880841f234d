package org.opsdesk.exchange.currencies;

import java.time.Clock;
import java.util.List;
import org.opsdesk.exchange.ExchangePermissions;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.PermissionDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The currencies of the desk: the dictionary ({@link Currencies}: ISO 4217 with a minor unit plus the configured
 * crypto assets) joined with what the office set for each ({@link CurrencySettings}). Orders, the portal and the
 * rate book read a currency's settings here; the desk's API and pages change them, each change recorded in the
 * insert-only change log with who, when, before and after.
 */
@Service
public class CurrencyBook {

    private final Currencies dictionary;
    private final CurrencyStore store;
    private final Clock clock;

    CurrencyBook(Currencies dictionary, CurrencyStore store, Clock clock) {
        this.dictionary = dictionary;
        this.store = store;
        this.clock = clock;
    }

    /** The settings of a currency of the dictionary (its defaults when never configured), or 404. */
    public CurrencySettings settings(String code) {
        CurrencyCode currency = currency(code);
        return store.find(currency.code())
                .map(row -> row.settings(currency))
                .orElseGet(() -> CurrencySettings.unconfigured(currency));
    }

    /** Whether the office works with this currency now; false for codes outside the dictionary. */
    public boolean enabled(String code) {
        return dictionary.find(code).isPresent() && settings(code).enabled();
    }

    /** Every currency of the dictionary with its settings, by code. */
    public List<CurrencySettings> all() {
        var rows = store.all();
        return dictionary.all().stream()
                .map(currency -> {
                    var row = rows.get(currency.code());
                    return row == null ? CurrencySettings.unconfigured(currency) : row.settings(currency);
                })
                .toList();
    }

    /** The codes of the currencies the office works with now, by code: what the desk's forms offer. */
    public List<String> enabledCodes() {
        return all().stream()
                .filter(CurrencySettings::enabled)
                .map(CurrencySettings::code)
                .toList();
    }

    /** The dictionary's currency of this code, or 404. */
    public CurrencyCode currency(String code) {
        return dictionary.find(code).orElseThrow(() -> new NotFound("currency", code));
    }

    /** A currency's name in the given language; a crypto asset is called by its code. */
    public static String name(String code, java.util.Locale locale) {
        try {
            return java.util.Currency.getInstance(code).getDisplayName(locale);
        } catch (IllegalArgumentException crypto) {
            return code;
        }
    }

    boolean isCrypto(String code) {
        return dictionary.isCrypto(code);
    }

    /** The newest changes of a currency's settings, newest first. */
    List<CurrencyStore.Change> changes(String code, int limit) {
        return store.changes(currency(code).code(), limit);
    }

    /** Checks the typed settings, stores them and records the change; 404, 403 or 422 naming the field. */
    @Transactional
    public CurrencySettings update(
            String code,
            boolean enabled,
            @org.jspecify.annotations.Nullable String minAmount,
            @org.jspecify.annotations.Nullable String maxAmount,
            @org.jspecify.annotations.Nullable String paymentWindow,
            Actor actor) {
        CurrencyCode currency = currency(code);
        if (!actor.may(ExchangePermissions.MANAGE)) {
            throw new PermissionDenied(ExchangePermissions.MANAGE);
        }
        SettingsChange change = CurrencyLimits.check(currency, enabled, minAmount, maxAmount, paymentWindow);
        var before = store.lock(currency.code()).orElse(null);
        store.save(currency, change, before, actor, clock.instant());
        return settings(currency.code());
    }
}
