package org.opsdesk.access.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.shared.Timestamps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/security}: the security log, newest first, filtered, in keyset pages. */
@RestController
class SecurityAuditApi {

    private final SecurityEventQuery query;

    SecurityAuditApi(SecurityEventQuery query) {
        this.query = query;
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
        var filter = new SecurityEventQuery.Filter(kind, actor, target, ip, time("from", from), time("to", to));
        var page = query.page(filter, cursor, limit);
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.items());
        body.put("nextCursor", page.nextCursor());
        return body;
    }

    private static @Nullable Instant time(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return Timestamps.parse(field, value);
    }
}
