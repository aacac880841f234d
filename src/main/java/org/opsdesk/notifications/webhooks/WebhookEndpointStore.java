package org.opsdesk.notifications.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code notifications.webhook_endpoint}: secrets go in and out sealed ({@code v1:…}), never plain. */
@Repository
class WebhookEndpointStore {

    /** The sealed secrets of an endpoint: the current one, and the previous one while its overlap lasts. */
    record SealedSecrets(String current, @Nullable String previous, @Nullable Instant previousExpiresAt) {}

    private static final String COLUMNS = "id, url, description, owner_email, event_types, enabled, disabled_reason,"
            + " previous_secret_expires_at, created_at, created_by, updated_at, updated_by";

    private final JdbcClient jdbc;

    WebhookEndpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            String url,
            @Nullable String description,
            @Nullable String ownerEmail,
            List<String> eventTypes,
            boolean enabled,
            String sealedSecret,
            String by,
            Instant now) {
        jdbc.sql(
                        """
                        insert into notifications.webhook_endpoint (id, url, description, owner_email, event_types,
                            enabled, secret, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        url,
                        description,
                        ownerEmail,
                        eventTypes.toArray(String[]::new),
                        enabled,
                        sealedSecret,
                        utc(now),
                        by,
                        utc(now),
                        by)
                .update();
    }

    Optional<WebhookEndpoint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.webhook_endpoint where id = ?")
                .param(id)
                .query(WebhookEndpointStore::endpoint)
                .optional();
    }

    List<WebhookEndpoint> subscribedTo(String eventType) {
        return jdbc.sql("select " + COLUMNS + " from notifications.webhook_endpoint"
                        + " where enabled and event_types && array['*', ?]::text[] order by created_at, id")
                .param(eventType)
                .query(WebhookEndpointStore::endpoint)
                .list();
    }

    /** Locks the row for a change that reads it first (rotation, enabling). */
    Optional<WebhookEndpoint> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.webhook_endpoint where id = ? for update")
                .param(id)
                .query(WebhookEndpointStore::endpoint)
                .optional();
    }

    /** Newest first, strictly after the position (created at, id) when one is given. */
    List<WebhookEndpoint> list(@Nullable Instant beforeCreatedAt, @Nullable UUID beforeId, int limit) {
        if (beforeCreatedAt == null || beforeId == null) {
            return jdbc.sql("select " + COLUMNS
                            + " from notifications.webhook_endpoint order by created_at desc, id desc limit ?")
                    .param(limit)
                    .query(WebhookEndpointStore::endpoint)
                    .list();
        }
        return jdbc.sql("select " + COLUMNS + " from notifications.webhook_endpoint where (created_at, id) < (?, ?)"
                        + " order by created_at desc, id desc limit ?")
                .params(utc(beforeCreatedAt), beforeId, limit)
                .query(WebhookEndpointStore::endpoint)
                .list();
    }

    boolean update(
            UUID id,
            String url,
            @Nullable String description,
            @Nullable String ownerEmail,
            List<String> eventTypes,
            String by,
            Instant now) {
        return jdbc.sql(
                                """
                        update notifications.webhook_endpoint
                        set url = ?, description = ?, owner_email = ?, event_types = ?, updated_at = ?, updated_by = ?
                        where id = ?""")
                        .params(url, description, ownerEmail, eventTypes.toArray(String[]::new), utc(now), by, id)
                        .update()
                == 1;
    }

    boolean setEnabled(UUID id, boolean enabled, @Nullable String disabledReason, String by, Instant now) {
        return jdbc.sql(
                                """
                        update notifications.webhook_endpoint
                        set enabled = ?, disabled_reason = ?, updated_at = ?, updated_by = ?
                        where id = ?""")
                        .params(enabled, enabled ? null : disabledReason, utc(now), by, id)
                        .update()
                == 1;
    }

    /** The current secret becomes the previous one until {@code previousExpiresAt}; a new one takes its place. */
    boolean rotate(UUID id, String sealedSecret, Instant previousExpiresAt, String by, Instant now) {
        return jdbc.sql(
                                """
                        update notifications.webhook_endpoint
                        set previous_secret = secret, previous_secret_expires_at = ?, secret = ?,
                            updated_at = ?, updated_by = ?
                        where id = ?""")
                        .params(utc(previousExpiresAt), sealedSecret, utc(now), by, id)
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from notifications.webhook_endpoint where id = ?")
                        .param(id)
                        .update()
                == 1;
    }

    Optional<SealedSecrets> secrets(UUID id) {
        return jdbc.sql("select secret, previous_secret, previous_secret_expires_at from notifications.webhook_endpoint"
                        + " where id = ?")
                .param(id)
                .query((rs, n) -> new SealedSecrets(
                        rs.getString("secret"),
                        rs.getString("previous_secret"),
                        instant(rs.getObject("previous_secret_expires_at", OffsetDateTime.class))))
                .optional();
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                rs.getString("owner_email"),
                List.of((String[]) rs.getArray("event_types").getArray()),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                instant(rs.getObject("previous_secret_expires_at", OffsetDateTime.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
