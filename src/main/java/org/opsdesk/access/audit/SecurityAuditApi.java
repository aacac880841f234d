package org.opsdesk.access.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.AccessPermissions;
import org.opsdesk.shared.RequiresPermission;
import org.opsdesk.shared.Timestamps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/security}: the security log, newest first, filtered, in keyset pages. */
@Tag(name = "Security log")
@RestController
class SecurityAuditApi {

    private final SecurityEventQuery query;

    SecurityAuditApi(SecurityEventQuery query) {
        this.query = query;
    }

    @RequiresPermission(AccessPermissions.AUDIT_VIEW)
    @GetMapping(path = "/api/v1/audit/security", produces = "application/json")
    @Operation(
            operationId = "listSecurityEvents",
            summary = "Read the security log",
            description = "Sign-ins, key use, permission and account changes, newest first, filtered, in keyset pages.")
    @Parameter(name = "kind", description = "Only these kinds of event, comma-separated.", example = "login_failed")
    @Parameter(name = "actor", description = "Only events by this actor: the `actorId` the events show.")
    @Parameter(name = "target", description = "Only events about this target, such as `operator:maria.silva`.")
    @Parameter(name = "ip", description = "Only events from this address.", example = "203.0.113.7")
    @Parameter(
            name = "from",
            description = "Only events at or after this ISO-8601 instant.",
            schema = @Schema(type = "string", format = "date-time"))
    @Parameter(
            name = "to",
            description = "Only events before this ISO-8601 instant.",
            schema = @Schema(type = "string", format = "date-time"))
    @ApiResponse(
            responseCode = "200",
            description = "A page of security events.",
            content = @Content(schema = @Schema(implementation = ApiSchemas.SecurityEventPage.class)))
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
