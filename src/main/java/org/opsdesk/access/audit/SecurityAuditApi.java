package org.opsdesk.access.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.Keyset;
import org.opsdesk.shared.RequiresPermission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/audit/security}: the security log, newest first, filtered, in keyset pages. */
@RestController
class SecurityAuditApi {

    record SecurityEventResponse(
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

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SecurityAuditApi(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @RequiresPermission("audit:view")
    @GetMapping(path = "/api/v1/audit/security", produces = "application/json")
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String ip,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") int limit) {
        Keyset.limit(limit);
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (kind != null && !kind.isBlank()) {
            where.add("kind = any(?)");
            params.add(kind.split(","));
        }
        filter(where, params, "actor_id = ?", actor);
        filter(where, params, "target = ?", target);
        filter(where, params, "ip = ?", ip);
        if (from != null) {
            where.add("at >= ?");
            params.add(time("from", from));
        }
        if (to != null) {
            where.add("at < ?");
            params.add(time("to", to));
        }
        if (cursor != null) {
            where.add("(at, id) < (?, ?)");
            var position = position(cursor);
            params.add(position.at().atOffset(ZoneOffset.UTC));
            params.add(position.id());
        }
        params.add(limit + 1);
        String sql = "select * from access.security_event "
                + (where.isEmpty() ? "" : "where " + String.join(" and ", where))
                + " order by at desc, id desc limit ?";
        var rows = jdbc.sql(sql).params(params).query(this::event).list();
        var items = rows.stream().limit(limit).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("items", items);
        body.put("nextCursor", rows.size() > limit ? cursorAfter(items.get(limit - 1)) : null);
        return body;
    }

    private SecurityEventResponse event(ResultSet rs, int row) throws SQLException {
        return new SecurityEventResponse(
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

    private static void filter(List<String> where, List<Object> params, String clause, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            where.add(clause);
            params.add(value);
        }
    }

    private static OffsetDateTime time(String field, String value) {
        try {
            return Instant.parse(value).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }

    private record Position(Instant at, long id) {}

    private static Position position(String cursor) {
        var parts = Keyset.parts(cursor, 2);
        try {
            return new Position(Instant.parse(parts.get(0)), Long.parseLong(parts.get(1)));
        } catch (RuntimeException e) {
            throw Keyset.invalidCursor();
        }
    }

    private static String cursorAfter(SecurityEventResponse event) {
        return Keyset.cursor(event.at(), event.id());
    }
}
