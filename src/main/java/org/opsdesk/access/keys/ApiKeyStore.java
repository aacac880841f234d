package org.opsdesk.access.keys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys, found by the hash of their secret. */
@Repository
public class ApiKeyStore {

    /** A key as stored (never its secret). */
    public record ApiKey(
            UUID id, String name, Set<String> permissions, @Nullable Instant expiresAt, @Nullable Instant revokedAt) {
        public boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private final JdbcClient jdbc;

    public ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiKey> findBySecret(String secret) {
        return jdbc.sql(
                        "select id, name, permissions, expires_at, revoked_at from access.api_key where secret_hash = ?")
                .param(ApiKeySecrets.hash(secret))
                .query((rs, n) -> new ApiKey(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        Set.of((String[]) rs.getArray("permissions").getArray()),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .optional();
    }

    public UUID create(
            String name,
            String secret,
            List<String> permissions,
            @Nullable Instant expiresAt,
            String createdBy,
            Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into access.api_key (id, name, secret_hash, permissions, expires_at, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        name,
                        ApiKeySecrets.hash(secret),
                        permissions.toArray(String[]::new),
                        ts(expiresAt),
                        ts(now),
                        createdBy)
                .update();
        return id;
    }

    public boolean existsWithSecret(String secret) {
        return jdbc.sql("select exists (select 1 from access.api_key where secret_hash = ?)")
                .param(ApiKeySecrets.hash(secret))
                .query(Boolean.class)
                .single();
    }

    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from access.api_key)")
                .query(Boolean.class)
                .single();
    }

    public void recordUse(UUID id, String ip, Instant now) {
        jdbc.sql("update access.api_key set last_used_at = ?, last_used_ip = ? where id = ?")
                .params(ts(now), ip, id)
                .update();
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
