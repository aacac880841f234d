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
            UUID id,
            String name,
            Set<String> permissions,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Integer rateLimitPerSecond) {
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
                        "select id, name, permissions, expires_at, revoked_at, rate_limit_per_second from access.api_key"
                                + " where secret_hash = ?")
                .param(ApiKeySecrets.hash(secret))
                .query((rs, n) -> new ApiKey(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        Set.of((String[]) rs.getArray("permissions").getArray()),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                        rs.getObject("rate_limit_per_second", Integer.class)))
                .optional();
    }

    public UUID create(
            String name,
            String secret,
            List<String> permissions,
            @Nullable Instant expiresAt,
            String createdBy,
            Instant now) {
        return create(name, secret, permissions, expiresAt, null, createdBy, now);
    }

    public UUID create(
            String name,
            String secret,
            List<String> permissions,
            @Nullable Instant expiresAt,
            @Nullable Integer rateLimitPerSecond,
            String createdBy,
            Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into access.api_key (id, name, secret_hash, permissions, expires_at, created_at, created_by,
                            rate_limit_per_second)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        name,
                        ApiKeySecrets.hash(secret),
                        permissions.toArray(String[]::new),
                        ts(expiresAt),
                        ts(now),
                        createdBy,
                        rateLimitPerSecond)
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

    /** A key as administrators see it. */
    public record ApiKeyDetails(
            UUID id,
            String name,
            List<String> permissions,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            Instant createdAt,
            String createdBy,
            @Nullable Instant lastUsedAt,
            @Nullable String lastUsedIp,
            @Nullable Integer rateLimitPerSecond) {}

    private static final String DETAILS =
            "select id, name, permissions, expires_at, revoked_at, created_at, created_by, last_used_at, last_used_ip,"
                    + " rate_limit_per_second"
                    + " from access.api_key ";

    /** Keys newest first, after the given (created_at, id) position. */
    public List<ApiKeyDetails> list(@Nullable Instant beforeCreatedAt, @Nullable UUID beforeId, int limit) {
        if (beforeCreatedAt == null || beforeId == null) {
            return jdbc.sql(DETAILS + "order by created_at desc, id desc limit ?")
                    .param(limit)
                    .query(ApiKeyStore::details)
                    .list();
        }
        return jdbc.sql(DETAILS + "where (created_at, id) < (?, ?) order by created_at desc, id desc limit ?")
                .params(ts(beforeCreatedAt), beforeId, limit)
                .query(ApiKeyStore::details)
                .list();
    }

    public Optional<ApiKeyDetails> find(UUID id) {
        return jdbc.sql(DETAILS + "where id = ?")
                .param(id)
                .query(ApiKeyStore::details)
                .optional();
    }

    /** Revokes a key and tells every node at commit (NOTIFY); false if it was revoked already. */
    public boolean revoke(UUID id, Instant now) {
        boolean revoked = jdbc.sql("update access.api_key set revoked_at = ? where id = ? and revoked_at is null")
                        .params(ts(now), id)
                        .update()
                == 1;
        if (revoked) {
            jdbc.sql("select pg_notify(?, ?)")
                    .params(ApiKeyRevocationListener.CHANNEL, id.toString())
                    .query()
                    .singleRow();
        }
        return revoked;
    }

    private static ApiKeyDetails details(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiKeyDetails(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                List.of((String[]) rs.getArray("permissions").getArray()),
                instant(rs.getObject("expires_at", OffsetDateTime.class)),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                rs.getString("last_used_ip"),
                rs.getObject("rate_limit_per_second", Integer.class));
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
