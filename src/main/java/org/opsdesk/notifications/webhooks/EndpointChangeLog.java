package org.opsdesk.notifications.webhooks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to {@code notifications.endpoint_change}, inside the transaction of the change it records. Insert-only:
 * no method here changes or removes an entry, and a trigger refuses it in the database. Details never hold a
 * secret. Kept in this module rather than the security log because that log belongs to {@code access}, which
 * {@code notifications} must not reach into.
 */
@Component
class EndpointChangeLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    EndpointChangeLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** The newest changes of an endpoint first, at most {@code limit}. */
    List<EndpointChange> recent(UUID endpointId, int limit) {
        return jdbc.sql(
                        """
                        select at, action, actor_kind, actor_name, details::text as details
                        from notifications.endpoint_change where endpoint_id = ? order by id desc limit ?""")
                .params(endpointId, limit)
                .query((rs, n) -> new EndpointChange(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("action"),
                        rs.getString("actor_kind"),
                        rs.getString("actor_name"),
                        rs.getString("details")))
                .list();
    }

    void record(UUID endpointId, String action, Actor actor, Map<String, ?> details) {
        jdbc.sql(
                        """
                        insert into notifications.endpoint_change
                            (endpoint_id, at, action, actor_kind, actor_id, actor_name, details)
                        values (?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        endpointId,
                        clock.instant().atOffset(ZoneOffset.UTC),
                        action,
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        json.writeValueAsString(new TreeMap<>(details)))
                .update();
    }
}
