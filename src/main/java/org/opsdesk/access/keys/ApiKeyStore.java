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

    /**
     * A key as it may act now (never its secret): its grants cut to those of every key above it and of the
     * operator who created the first of them, its expiry the earliest of theirs, revoked when any of them is.
     *
     * @param person who four-eyes counts it as ({@code Actor.person()})
     * @param creatorActive false when the operator at the top of its chain is disabled, deleted or gone, or a key
     *     above it is missing: the key may not act
     */
    public record ApiKey(
            UUID id,
            String name,
            Set<String> permissions,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Integer rateLimitPerSecond,
            String person,
            boolean creatorActive) {
        public boolean usableAt(Instant now) {
            return creatorActive && revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** One stored key row, as its chain of creators is read. */
    record KeyRow(
            UUID id,
            String name,
            Set<String> permissions,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Integer rateLimitPerSecond,
            String createdBy) {}

    static final String KEY_CREATOR_PREFIX = "api_key:";
    private static final int MAX_CHAIN = 16;

    private final JdbcClient jdbc;

    public ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key with this secret followed by the keys that created it, nearest first; empty when unknown. */
    List<KeyRow> chainBySecret(String secret) {
        return chain("secret_hash = ?", ApiKeySecrets.hash(secret));
    }

    /** The key with this id followed by the keys that created it, nearest first; empty when unknown. */
    List<KeyRow> chainById(UUID id) {
        return chain("id = ?", id);
    }

    private List<KeyRow> chain(String where, Object param) {
        return jdbc.sql(
                        """
                        with recursive chain as (
                          select id, name, permissions, expires_at, revoked_at, rate_limit_per_second, created_by,
                            0 as depth
                          from access.api_key where %s
                          union all
                          select k.id, k.name, k.permissions, k.expires_at, k.revoked_at, k.rate_limit_per_second,
                            k.created_by, c.depth + 1
                          from chain c join access.api_key k
                            on k.id = case when c.created_by like 'api_key:%%' then substr(c.created_by, 9)::uuid end
                          where c.depth < ?)
                        select * from chain order by depth"""
                                .formatted(where))
                .params(param, MAX_CHAIN)
                .query((rs, n) -> new KeyRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        Set.of((String[]) rs.getArray("permissions").getArray()),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                        rs.getObject("rate_limit_per_second", Integer.class),
                        rs.getString("created_by")))
                .list();
    }

    public UUID create(
            String name, String secret, List<String> permissions, Instant expiresAt, String createdBy, Instant now) {
        return create(name, secret, permissions, expiresAt, null, createdBy, now);
    }

    public UUID create(
            String name,
            String secret,
            List<String> permissions,
            Instant expiresAt,
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

    /**
     * Revokes a key and every key created under it (by it, by those, and so on) that is not revoked yet, and
     * tells every node at commit (NOTIFY). Returns the keys revoked now, the given one first when it was still
     * live.
     */
    public List<UUID> revoke(UUID id, Instant now) {
        List<UUID> revoked = jdbc.sql(
                        """
                        with recursive tree as (
                          select id, 0 as depth from access.api_key where id = ?
                          union all
                          select k.id, t.depth + 1 from tree t
                            join access.api_key k on k.created_by = 'api_key:' || t.id::text)
                        , revoked as (
                          update access.api_key set revoked_at = ?
                          where id in (select id from tree) and revoked_at is null returning id)
                        select r.id from revoked r join tree t on t.id = r.id order by t.depth, r.id""")
                .params(id, ts(now))
                .query(UUID.class)
                .list();
        for (UUID key : revoked) {
            jdbc.sql("select pg_notify(?, ?)")
                    .params(ApiKeyRevocationListener.CHANNEL, key.toString())
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
