package org.opsdesk.registry.records;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Keyset pages read one row past the limit: whether it came says whether there is a next page. */
public final class Pages {

    private Pages() {}

    /** The rows of the page (without the extra one). */
    public static <T> List<T> items(List<T> rows, int limit) {
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    /** The cursor of the next page — the position of the page's last row — or null on the last page. */
    public static <T> @Nullable String next(List<T> rows, int limit, Function<T, String> cursor) {
        return rows.size() > limit ? cursor.apply(rows.get(limit - 1)) : null;
    }
}
