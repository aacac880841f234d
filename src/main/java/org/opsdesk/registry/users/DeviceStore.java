package org.opsdesk.registry.users;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Trusted devices in {@code registry.device}. Devices are registered by the institution's app (through the
 * provider, in a later part); the registry's actions only untrust or delete them. {@link #register} is how that
 * feed, the demo and the tests add one.
 */
@Repository
public class DeviceStore {

    private static final String COLUMNS = "id, user_id, label, platform, trusted, trusted_at, last_seen_at, created_at";

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Device> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.device where id = ? and deleted_at is null")
                .param(id)
                .query(DeviceStore::device)
                .optional();
    }

    public List<Device> of(UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from registry.device where user_id = ? and deleted_at is null"
                        + " order by created_at, id limit 100")
                .param(userId)
                .query(DeviceStore::device)
                .list();
    }

    /** Adds a device of a user, trusted or not, seen now. */
    public Device register(UUID userId, String label, String platform, boolean trusted, Instant at, String by) {
        var device = new Device(UUID.randomUUID(), userId, label, platform, trusted, trusted ? at : null, at, at);
        jdbc.sql("insert into registry.device (" + COLUMNS + ", created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(device.id(), userId, label, platform, trusted, trusted ? ts(at) : null, ts(at), ts(at), by)
                .update();
        return device;
    }

    /** Makes every live device of the user untrusted; returns how many were trusted. */
    int untrustAll(UUID userId) {
        return jdbc.sql("update registry.device set trusted = false, trusted_at = null where user_id = ? and trusted"
                        + " and deleted_at is null")
                .param(userId)
                .update();
    }

    static Device device(ResultSet rs, int row) throws SQLException {
        return new Device(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("label"),
                rs.getString("platform"),
                rs.getBoolean("trusted"),
                instant(rs.getObject("trusted_at", OffsetDateTime.class)),
                instant(rs.getObject("last_seen_at", OffsetDateTime.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
