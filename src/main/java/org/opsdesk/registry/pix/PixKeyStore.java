package org.opsdesk.registry.pix;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pix keys in {@code registry.pix_key}: unique among live keys (active and not deleted). */
@Repository
public class PixKeyStore {

    private static final String COLUMNS =
            "id, account_id, key_type, key_value, status, cancelled_at, created_at, created_by";

    private final JdbcClient jdbc;

    PixKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PixKey> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.pix_key where id = ? and deleted_at is null")
                .param(id)
                .query(PixKeyStore::pixKey)
                .optional();
    }

    Optional<PixKey> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.pix_key where id = ? and deleted_at is null for update")
                .param(id)
                .query(PixKeyStore::pixKey)
                .optional();
    }

    public List<PixKey> of(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from registry.pix_key where account_id = ? and deleted_at is null"
                        + " order by created_at, id limit 100")
                .param(accountId)
                .query(PixKeyStore::pixKey)
                .list();
    }

    boolean taken(String value) {
        return jdbc.sql("select exists (select 1 from registry.pix_key where key_value = ? and status = 'active'"
                        + " and deleted_at is null)")
                .param(value)
                .query(Boolean.class)
                .single();
    }

    int activeOf(UUID accountId) {
        return jdbc.sql("select count(*) from registry.pix_key where account_id = ? and status = 'active' and"
                        + " deleted_at is null")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    /** Inserts an active key; false when a live key has its value (a concurrent registration won). */
    boolean insert(PixKey key) {
        return jdbc.sql("insert into registry.pix_key (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (key_value) where deleted_at is null and status = 'active' do nothing")
                        .params(
                                key.id(),
                                key.accountId(),
                                key.type(),
                                key.value(),
                                key.status(),
                                null,
                                ts(key.createdAt()),
                                key.createdBy())
                        .update()
                == 1;
    }

    void cancel(UUID id, Instant at) {
        jdbc.sql("update registry.pix_key set status = 'cancelled', cancelled_at = ? where id = ?")
                .params(ts(at), id)
                .update();
    }

    /** Cancels every active key of an account (it is being cancelled); returns how many. */
    public int cancelAllOf(UUID accountId, Instant at) {
        return jdbc.sql("update registry.pix_key set status = 'cancelled', cancelled_at = ? where account_id = ? and"
                        + " status = 'active' and deleted_at is null")
                .params(ts(at), accountId)
                .update();
    }

    static PixKey pixKey(ResultSet rs, int row) throws SQLException {
        var cancelled = rs.getObject("cancelled_at", OffsetDateTime.class);
        return new PixKey(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("key_type"),
                rs.getString("key_value"),
                rs.getString("status"),
                cancelled == null ? null : cancelled.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
