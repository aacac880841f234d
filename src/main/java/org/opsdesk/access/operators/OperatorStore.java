package org.opsdesk.access.operators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.access.keys.ApiKeyCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Operators in {@code access.operator}: profile, roles and status. Sign-in state is kept by the sign-in code. */
@Repository
public class OperatorStore {

    /** Keys act with their creator's roles and status: told of every change to them (ADR 0019). */
    private final ApiKeyCache keyCache;

    private static final String COLUMNS =
            """
            id, username, display_name, email, phone, locale, roles, enabled, mfa_enabled_at, locked_until,
            created_at, updated_at, last_login_at, deleted_at""";

    private final JdbcClient jdbc;

    OperatorStore(JdbcClient jdbc, ApiKeyCache keyCache) {
        this.keyCache = keyCache;
        this.jdbc = jdbc;
    }

    public Optional<Operator> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from access.operator where username = ?")
                .param(username)
                .query(OperatorStore::operator)
                .optional();
    }

    /**
     * The operator with what each console request checks of its session besides (whether sessions started before a
     * time were revoked, whether an administrator set the password) and what their roles grant now (the union of
     * the permissions, whether any role asks for a second factor), in one read: a role change applies to the next
     * request, as with {@link OperatorActors#signedIn}, without a second statement on every console request.
     */
    public Optional<SessionStanding> findForSession(String username) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                        , sessions_valid_after, password_change_required,
                            array(select distinct granted from access.role held, unnest(held.permissions) granted
                                  where held.name = any(o.roles)) as role_permissions,
                            (select coalesce(bool_or(held.mfa_required), false) from access.role held
                             where held.name = any(o.roles)) as roles_require_mfa
                        from access.operator o where username = ?""")
                .param(username)
                .query((rs, row) -> {
                    Operator operator = operator(rs, row);
                    var permissions =
                            Set.of((String[]) rs.getArray("role_permissions").getArray());
                    return new SessionStanding(
                            operator,
                            instant(rs.getObject("sessions_valid_after", OffsetDateTime.class)),
                            rs.getBoolean("password_change_required"),
                            OperatorActors.signedIn(operator, permissions, rs.getBoolean("roles_require_mfa")));
                })
                .optional();
    }

    /** An operator as a console session sees them (see {@link #findForSession}). */
    public record SessionStanding(
            Operator operator,
            @Nullable Instant sessionsValidAfter,
            boolean passwordChangeRequired,
            OperatorActors.SignedIn signedIn) {}

    public Optional<Operator> lock(String username) {
        return jdbc.sql("select " + COLUMNS + " from access.operator where username = ? for update")
                .param(username)
                .query(OperatorStore::operator)
                .optional();
    }

    /** Operators in username order after {@code after}, deleted ones only when asked for. */
    public List<Operator> list(@Nullable String after, int limit, boolean includeDeleted) {
        return jdbc.sql("select " + COLUMNS + " from access.operator where username > ? "
                        + (includeDeleted ? "" : "and deleted_at is null ")
                        + "order by username limit ?")
                .params(after == null ? "" : after, limit)
                .query(OperatorStore::operator)
                .list();
    }

    public boolean insert(Operator operator, String passwordHash) {
        return jdbc.sql(
                                """
                        insert into access.operator (id, username, display_name, email, phone, locale, roles, enabled,
                            password_hash, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?) on conflict (username) do nothing""")
                        .params(
                                operator.id(),
                                operator.username(),
                                operator.displayName(),
                                operator.email(),
                                operator.phone(),
                                operator.locale(),
                                operator.roles().toArray(String[]::new),
                                passwordHash,
                                ts(operator.createdAt()),
                                ts(operator.createdAt()))
                        .update()
                == 1;
    }

    public void updateProfile(Operator operator, Instant now) {
        jdbc.sql(
                        """
                        update access.operator set display_name = ?, email = ?, phone = ?, locale = ?, roles = ?,
                            updated_at = ?
                        where id = ?""")
                .params(
                        operator.displayName(),
                        operator.email(),
                        operator.phone(),
                        operator.locale(),
                        operator.roles().toArray(String[]::new),
                        ts(now),
                        operator.id())
                .update();
        keyCache.evictAllAfterCommit();
    }

    /** Enables or disables; disabling (and deleting) ends every session the operator has, on every node. */
    /** Sets the operator's console language (chosen with {@code ?lang=}); true when it changed. */
    public boolean setLocale(String username, String locale, Instant now) {
        return jdbc.sql("update access.operator set locale = ?, updated_at = ? where username = ? and locale <> ?")
                        .params(locale, ts(now), username, locale)
                        .update()
                > 0;
    }

    public void setEnabled(UUID id, boolean enabled, Instant now) {
        jdbc.sql(
                        """
                        update access.operator set enabled = ?, updated_at = ?,
                            sessions_valid_after = case when ? then sessions_valid_after else ? end
                        where id = ?""")
                .params(enabled, ts(now), enabled, ts(now), id)
                .update();
        keyCache.evictAllAfterCommit();
    }

    public void markDeleted(UUID id, Instant now) {
        jdbc.sql(
                        """
                        update access.operator set deleted_at = ?, enabled = false, updated_at = ?,
                            sessions_valid_after = ?, mfa_secret = null, mfa_enabled_at = null
                        where id = ?""")
                .params(ts(now), ts(now), ts(now), id)
                .update();
        keyCache.evictAllAfterCommit();
        jdbc.sql("delete from access.mfa_recovery_code where operator_id = ?")
                .param(id)
                .update();
    }

    /**
     * A password an administrator set (already hashed): the lockout is cleared, every session ends, and the
     * operator must choose their own at the next sign-in.
     */
    public void setTemporaryPassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql(
                        """
                        update access.operator set password_hash = ?, failed_logins = 0, locked_until = null,
                            updated_at = ?, sessions_valid_after = ?, password_change_required = true
                        where id = ?""")
                .params(passwordHash, ts(now), ts(now), id)
                .update();
    }

    /** The password the operator chose themselves (already hashed); no change is due any more. */
    public void setOwnPassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql(
                        """
                        update access.operator set password_hash = ?, updated_at = ?, password_change_required = false
                        where id = ?""")
                .params(passwordHash, ts(now), id)
                .update();
    }

    /** The same password hashed the current way (an older scheme's hash, upgraded at sign-in). */
    public void rehash(UUID id, String passwordHash) {
        jdbc.sql("update access.operator set password_hash = ? where id = ?")
                .params(passwordHash, id)
                .update();
    }

    /** Marks the operator's password as set by someone else: to be changed at the next sign-in. */
    public void requirePasswordChange(UUID id) {
        jdbc.sql("update access.operator set password_change_required = true where id = ?")
                .param(id)
                .update();
    }

    public boolean passwordChangeRequired(String username) {
        return jdbc.sql("select password_change_required from access.operator where username = ?")
                .param(username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Removes the second factor; the operator enrols again at the next sign-in if a role requires it. */
    public void resetMfa(UUID id, Instant now) {
        jdbc.sql(
                        """
                        update access.operator set mfa_secret = null, mfa_enabled_at = null, mfa_last_step = null,
                            updated_at = ?, sessions_valid_after = ?
                        where id = ?""")
                .params(ts(now), ts(now), id)
                .update();
        jdbc.sql("delete from access.mfa_recovery_code where operator_id = ?")
                .param(id)
                .update();
    }

    /**
     * Lifts every sign-in lock of the account: the account's own (soft or hard) and its per-address failure counts,
     * so the owner's next attempt starts with the full allowance from wherever it comes.
     */
    public void unlock(UUID id, Instant now) {
        jdbc.sql(
                        """
                        update access.operator set failed_logins = 0, locked_until = null, lock_hard = false,
                            updated_at = ?
                        where id = ?""")
                .params(ts(now), id)
                .update();
        jdbc.sql("delete from access.login_source_failure where operator_id = ?")
                .param(id)
                .update();
    }

    /** Active operators (enabled, not deleted) holding a role. */
    public long countActiveWithRole(String role) {
        return jdbc.sql("select count(*) from access.operator where enabled and deleted_at is null and ? = any(roles)")
                .param(role)
                .query(Long.class)
                .single();
    }

    public long countWithRole(String role) {
        return jdbc.sql("select count(*) from access.operator where deleted_at is null and ? = any(roles)")
                .param(role)
                .query(Long.class)
                .single();
    }

    private static Operator operator(ResultSet rs, int row) throws SQLException {
        return new Operator(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("locale"),
                List.of((String[]) rs.getArray("roles").getArray()),
                rs.getBoolean("enabled"),
                rs.getObject("mfa_enabled_at") != null,
                instant(rs.getObject("locked_until", OffsetDateTime.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(rs.getObject("updated_at", OffsetDateTime.class)),
                instant(rs.getObject("last_login_at", OffsetDateTime.class)),
                instant(rs.getObject("deleted_at", OffsetDateTime.class)));
    }

    private static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
