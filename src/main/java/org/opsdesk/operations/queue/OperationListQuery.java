package org.opsdesk.operations.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.OperationFilter;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.operations.lifecycle.OperationStore;
import org.opsdesk.operations.lifecycle.Sql;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Timestamps;

/**
 * Builds the keyset-paginated list query for a filter: every condition is a bound parameter, the order is the
 * chosen time then the id, and the cursor carries the last row's position so deep pages cost the same as the
 * first.
 */
public final class OperationListQuery {

    /** Times PostgreSQL's timestamptz and people both make sense of; filters and cursors outside are refused. */
    public static boolean inRange(Instant time) {
        return Timestamps.inRange(time);
    }

    private OperationListQuery() {}

    /** The SQL and its parameters, fetching one row more than the limit to know whether a next page exists. */
    public record Query(String sql, List<Object> params) {}

    public static Query build(
            OperationFilter f, @Nullable List<String> visibleTypes, @Nullable String cursor, int limit) {
        var params = new ArrayList<Object>();
        OperationFilter.Sort sort = f.sort();
        Source source = Source.of(sort);
        var where = where(f, source, visibleTypes, params);
        if (cursor != null) {
            Position after = Position.decode(cursor, sort);
            where.append(" and (")
                    .append(source.time)
                    .append(", ")
                    .append(source.id)
                    .append(") ")
                    .append(sort.descending ? "<" : ">")
                    .append(" (?, ?)");
            params.add(Sql.ts(after.time()));
            params.add(after.id());
        }
        String sql = "select " + source.columns(OperationStore.COLUMNS) + source.from + where + orderBy(sort, source)
                + " limit ?";
        params.add(limit + 1);
        return new Query(sql, params);
    }

    /**
     * Every row the filter matches, in the list's order and with the export's columns, without a limit: the
     * caller streams it (see {@link OperationStore#stream}).
     */
    public static Query export(OperationFilter f, @Nullable List<String> visibleTypes) {
        var params = new ArrayList<Object>();
        Source source = Source.of(f.sort());
        var where = where(f, source, visibleTypes, params);
        String sql = "select " + source.columns(OperationStore.ROW_COLUMNS) + source.from + where
                + orderBy(f.sort(), source);
        return new Query(sql, params);
    }

    private static String orderBy(OperationFilter.Sort sort, Source source) {
        String direction = sort.descending ? " desc" : " asc";
        return " order by " + source.time + direction + ", " + source.id + direction;
    }

    /**
     * Where a list reads its rows and what orders them. In created order, the operations and their index
     * operation_created. In updated order, the operations joined to their newest history entry, whose time is the
     * operation's updated_at and whose seq is its version: the history's index history_entry_changed gives the
     * order, because operations.operation has no index on updated_at, so that a move within one status can stay
     * a HOT update (migration V2026120792, ADR 0018). The entry's time is also what the row shows as updated_at,
     * so the cursor always matches the order, even for rows loaded without the application.
     */
    private record Source(String from, String time, String id, @Nullable String updatedAt) {

        static final Source CREATED = new Source(" from operations.operation", "created_at", "id", null);
        static final Source UPDATED = new Source(
                " from operations.history_entry h join operations.operation o"
                        + " on o.id = h.operation_id and o.version = h.seq",
                "h.at",
                "h.operation_id",
                "h.at as updated_at");

        static Source of(OperationFilter.Sort sort) {
            return sort.column.equals("created_at") ? CREATED : UPDATED;
        }

        /** The select list, with the update time taken from the history entry when the rows come from there. */
        String columns(String columns) {
            if (updatedAt == null) {
                return columns;
            }
            String replaced = columns.replace(" updated_at,", " " + updatedAt + ",");
            if (replaced.equals(columns)) {
                throw new IllegalStateException("no updated_at in the select list " + columns);
            }
            return replaced;
        }

        /** The column the updatedFrom/updatedTo filters compare. */
        String updatedColumn() {
            return updatedAt == null ? "updated_at" : time;
        }
    }

    private static StringBuilder where(
            OperationFilter f, Source source, @Nullable List<String> visibleTypes, List<Object> params) {
        var where = new StringBuilder(" where true");
        if (visibleTypes != null) {
            where.append(" and type = any(?)");
            params.add(visibleTypes.toArray(String[]::new));
        }
        in(where, params, "type", f.types());
        List<String> statuses = f.statuses().stream().map(Enum::name).toList();
        in(where, params, "status", statuses);
        if (source.updatedAt != null) {
            // the newest entry's to_status is the operation's status: checked in the history index, it spares the
            // lookup of every operation walked past whose status does not match
            in(where, params, "h.to_status", statuses);
        }
        in(where, params, "stage", f.stages());
        equal(where, params, "subject", f.subject());
        equal(where, params, "assignee", f.assignee());
        if (f.unassigned()) {
            where.append(" and assignee is null");
        }
        equal(where, params, "reference", f.reference());
        if (f.q() != null) {
            // A prefix LIKE served by operation_reference_prefix (text_pattern_ops), or the subject index.
            where.append(" and (reference like ? or subject = ?)");
            params.add(likePrefix(f.q()));
            params.add(f.q());
        }
        equal(where, params, "currency", f.currency());
        compare(where, params, "amount >= ?", f.amountMin());
        compare(where, params, "amount <= ?", f.amountMax());
        compare(where, params, "created_at >= ?", Sql.ts(f.createdFrom()));
        compare(where, params, "created_at < ?", Sql.ts(f.createdTo()));
        compare(where, params, source.updatedColumn() + " >= ?", Sql.ts(f.updatedFrom()));
        compare(where, params, source.updatedColumn() + " < ?", Sql.ts(f.updatedTo()));
        return where;
    }

    public static String cursorAfter(OperationSnapshot last, OperationFilter.Sort sort) {
        Instant time = sort.column.equals("created_at") ? last.createdAt() : last.updatedAt();
        return new Position(sort.code, time, last.id()).encode();
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static void in(StringBuilder where, List<Object> params, String column, List<String> values) {
        if (values.size() == 1) {
            where.append(" and ").append(column).append(" = ?");
            params.add(values.get(0));
        } else if (!values.isEmpty()) {
            where.append(" and ").append(column).append(" = any(?)");
            params.add(values.toArray(String[]::new));
        }
    }

    private static void equal(StringBuilder where, List<Object> params, String column, @Nullable Object value) {
        compare(where, params, column + " = ?", value);
    }

    private static void compare(StringBuilder where, List<Object> params, String condition, @Nullable Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    /** The position after which the next page starts; opaque to callers (base64url). */
    record Position(String sort, Instant time, UUID id) {
        String encode() {
            String text = "v1|" + sort + "|" + time + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor, OperationFilter.Sort expectedSort) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 4 || !parts[0].equals("v1")) {
                    throw invalid();
                }
                if (!parts[1].equals(expectedSort.code)) {
                    throw InvalidInput.of(
                            "cursor", "this cursor belongs to sort '" + parts[1] + "'; keep the sort while paging");
                }
                Instant time = Instant.parse(parts[2]);
                if (!inRange(time)) {
                    throw invalid();
                }
                return new Position(parts[1], time, UUID.fromString(parts[3]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw invalid();
            }
        }

        private static InvalidInput invalid() {
            return InvalidInput.of("cursor", "not a cursor this API issued; start again without it");
        }
    }
}
