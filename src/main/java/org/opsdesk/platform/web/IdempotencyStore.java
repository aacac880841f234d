package org.opsdesk.platform.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored responses to requests made with an Idempotency-Key, per calling principal. */
final class IdempotencyStore {

    record StoredResponse(byte[] fingerprint, int status, Map<String, String> headers, byte[] body) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredResponse> find(String principal, String key) {
        return jdbc.sql(
                        """
                        select fingerprint, response_status, response_headers::text, response_body
                        from platform.idempotency_key where principal = ? and idempotency_key = ?""")
                .params(principal, key)
                .query((rs, n) -> new StoredResponse(
                        rs.getBytes(1),
                        rs.getInt(2),
                        json.readValue(rs.getString(3), new TypeReference<Map<String, String>>() {}),
                        rs.getBytes(4)))
                .optional();
    }

    /**
     * Holds the key for the rest of the current transaction. False means another request with the same key is
     * still running (its transaction holds the lock).
     */
    boolean tryHold(String principal, String key) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                .param(principal + "\n" + key) // a newline cannot occur in a key
                .query(Boolean.class)
                .single());
    }

    void save(String principal, String key, StoredResponse response, Instant now) {
        jdbc.sql(
                        """
                        insert into platform.idempotency_key
                          (principal, idempotency_key, fingerprint, response_status, response_headers, response_body, created_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?)
                        on conflict do nothing""")
                .params(
                        principal,
                        key,
                        response.fingerprint(),
                        response.status(),
                        json.writeValueAsString(response.headers()),
                        response.body(),
                        java.sql.Timestamp.from(now))
                .update();
    }

    /**
     * Deletes at most {@code limit} keys stored before {@code cutoff}, oldest first, in one short statement (the
     * caller repeats it): one unbounded delete after a busy day would hold its locks and bloat the WAL in one go.
     */
    int deleteOlderThan(Instant cutoff, int limit) {
        return jdbc.sql(
                        """
                        delete from platform.idempotency_key where ctid = any(array(
                          select ctid from platform.idempotency_key where created_at < ?
                          order by created_at limit ? for update skip locked))""")
                .params(java.sql.Timestamp.from(cutoff), limit)
                .update();
    }
}
