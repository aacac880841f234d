package org.opsdesk.registry.users;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opsdesk.registry.records.Stamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Account users in {@code registry.account_user}; an email once per account among live users. */
@Repository
public class UserStore {

    private static final String COLUMNS =
            "id, account_id, name, email, phone, status, permissions, subject, created_at,"
                    + " created_by, updated_at, updated_by";

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountUser> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.account_user where id = ? and deleted_at is null")
                .param(id)
                .query(UserStore::user)
                .optional();
    }

    Optional<AccountUser> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.account_user where id = ? and deleted_at is null"
                        + " for update")
                .param(id)
                .query(UserStore::user)
                .optional();
    }

    /** The account's live users, oldest first: the first 200, as the record page lists them. */
    public List<AccountUser> of(UUID accountId) {
        return ofAccount(accountId, " limit 200");
    }

    /** Every live user of the account, oldest first, with no page limit: whom a message to the account is for. */
    public List<AccountUser> allOf(UUID accountId) {
        return ofAccount(accountId, "");
    }

    private List<AccountUser> ofAccount(UUID accountId, String limit) {
        return jdbc.sql("select " + COLUMNS + " from registry.account_user where account_id = ? and deleted_at is"
                        + " null order by created_at, id" + limit)
                .param(accountId)
                .query(UserStore::user)
                .list();
    }

    boolean emailTaken(UUID accountId, String email) {
        return jdbc.sql("select exists (select 1 from registry.account_user where account_id = ? and lower(email) ="
                        + " ? and deleted_at is null)")
                .params(accountId, email)
                .query(Boolean.class)
                .single();
    }

    /** Inserts a user; false when a live user of the account has the email (a concurrent creation won). */
    boolean insert(AccountUser user) {
        return jdbc.sql("insert into registry.account_user (" + COLUMNS
                                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (account_id, lower(email)) where deleted_at is null do nothing")
                        .params(
                                user.id(),
                                user.accountId(),
                                user.name(),
                                user.email(),
                                user.phone(),
                                user.status(),
                                user.permissions().toArray(String[]::new),
                                user.subject(),
                                ts(user.createdAt()),
                                user.createdBy(),
                                ts(user.updatedAt()),
                                user.updatedBy())
                        .update()
                == 1;
    }

    void update(AccountUser user, Stamp stamp) {
        jdbc.sql("update registry.account_user set name = ?, phone = ?, status = ?, permissions = ?, subject = ?,"
                        + " updated_at = ?, updated_by = ? where id = ?")
                .params(
                        user.name(),
                        user.phone(),
                        user.status(),
                        user.permissions().toArray(String[]::new),
                        user.subject(),
                        ts(stamp.at()),
                        stamp.by(),
                        user.id())
                .update();
    }

    static AccountUser user(ResultSet rs, int row) throws SQLException {
        return new AccountUser(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("status"),
                Arrays.asList((String[]) rs.getArray("permissions").getArray()),
                rs.getString("subject"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }
}
