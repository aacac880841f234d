package org.opsdesk.exchange.rates;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.exchange.web.DeskRefusal;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.NotFound;
import org.opsdesk.shared.Timestamps;
import org.springframework.stereotype.Service;

/** Reads a pair's rate history in keyset pages, for the API and the pair's page. */
@Service
class RateHistory {

    /** One page, newest first, and where the next starts (null on the last). */
    record Page(List<RateChange> items, @Nullable String next) {}

    private final RateBook book;
    private final RateStore store;

    RateHistory(RateBook book, RateStore store) {
        this.book = book;
        this.store = store;
    }

    /** The range {@code from} (inclusive) to {@code to} (exclusive) as typed, or 422 naming the parameter. */
    static RateStore.Range range(@Nullable String from, @Nullable String to) {
        var start = from == null || from.isBlank() ? null : Timestamps.parse("from", from.strip());
        var end = to == null || to.isBlank() ? null : Timestamps.parse("to", to.strip());
        if (start != null && end != null && !end.isAfter(start)) {
            throw DeskRefusal.of("to", "range", "must be after from");
        }
        return new RateStore.Range(start, end);
    }

    /** A page of the pair's history; 404 for a pair without a rate. */
    Page page(String base, String quote, RateStore.Range range, @Nullable String cursor, int limit) {
        book.pair(base, quote);
        var after = Keyset.timeAndId(cursor);
        if (store.find(base, quote).isEmpty()) {
            throw new NotFound("pair", base + "/" + quote);
        }
        var rows = store.history(base, quote, range, after, limit + 1);
        var items = rows.stream().limit(limit).toList();
        String next = rows.size() > limit ? items.get(limit - 1).position().cursor() : null;
        return new Page(items, next);
    }
}
