package org.opsdesk.access.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the security log newest first, filtered, in keyset pages: for the API and the console page alike. */
@Component
class SecurityEventQuery {

    /** One entry of the security log. */
    record SecurityEvent(
            long id,
            Instant at,
            String kind,
            @Nullable String actorKind,
            @Nullable String actorId,
            @Nullable String actorName,
            @Nullable String target,
            @Nullable String ip,
            @Nullable String userAgent,
            JsonNode details) {}

    /**
     * What to show; null or blank means no filter.
     *
     * @param kinds one kind or several separated by commas
     * @param to exclusive
     */
    record Filter(
            @Nullable String kinds,
            @Nullable String actor,
            @Nullable String target,
            @Nullable String ip,
            @Nullable Instant from,
            @Nullable Instant to) {}

    /** A page of entries and the cursor of the next one, if there is more. */
    record Page(List<SecurityEvent> items, @Nullable String nextCursor) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SecurityEventQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Page page(Filter filter, @Nullable String cursor, int limit) {
        Keyset.limit(limit);
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (filter.kinds() != null && !filter.kinds().isBlank()) {
            where.add("kind = any(?)");
            params.add(filter.kinds().split(","));
        }
        equal(where, params, "actor_id = ?", filter.actor());
        equal(where, params, "target = ?", filter.target());
        equal(where, params, "ip = ?", filter.ip());
        if (filter.from() != null) {
            where.add("at >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.add("at < ?");
            params.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        if (cursor != null && !cursor.isBlank()) {
            where.add("(at, id) < (?, ?)");
            var parts = Keyset.parts(cursor, 2);
            try {
                params.add(Keyset.time(parts.get(0)).atOffset(ZoneOffset.UTC));
                params.add(Long.parseLong(parts.get(1)));
            } catch (RuntimeException e) {
                throw Keyset.invalidCursor();
            }
        }
        params.add(limit + 1);
        String sql = "select * from access.security_event "
                + (where.isEmpty() ? "" : "where " + String.join(" and ", where))
                + " order by at desc, id desc limit ?";
        var rows = jdbc.sql(sql).params(params).query(this::event).list();
        var items = rows.stream().limit(limit).toList();
        String next = rows.size() > limit
                ? Keyset.cursor(items.get(limit - 1).at(), items.get(limit - 1).id())
                : null;
        return new Page(items, next);
    }

    private SecurityEvent event(ResultSet rs, int row) throws SQLException {
        return new SecurityEvent(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("kind"),
                rs.getString("actor_kind"),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("target"),
                rs.getString("ip"),
                rs.getString("user_agent"),
                json.readTree(rs.getString("details")));
    }

    private static void equal(List<String> where, List<Object> params, String clause, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            where.add(clause);
            params.add(value);
        }
    }
}
