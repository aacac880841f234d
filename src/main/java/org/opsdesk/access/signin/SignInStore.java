package org.opsdesk.access.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sign-in state of operators in {@code access.operator} (password hash, failure counter, lock, TOTP secret and
 * last accepted step) and their recovery codes. Every change is a single conditional statement, so concurrent
 * attempts on several nodes count correctly and a TOTP step is accepted at most once.
 */
@Repository
class SignInStore {

    /** What the password step needs to know about a username. */
    record Credentials(
            UUID id,
            String username,
            String passwordHash,
            boolean active,
            @Nullable Instant lockedUntil,
            boolean lockHard,
            boolean mfaEnabled) {

        /** Locked softly or hard: a password alone does not pass. */
        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        /** Locked after failed codes: nothing passes until the lock ends. */
        boolean hardLockedAt(Instant now) {
            return lockHard && lockedAt(now);
        }
    }

    /** The outcome of counting one more failure: whether it locked the account just now. */
    record Failure(int consecutive, boolean lockedNow) {}

    /** An enrolled second factor: the encrypted secret and the last step accepted. */
    record SecondFactor(String encryptedSecret, @Nullable Long lastStep) {}

    private final JdbcClient jdbc;

    SignInStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql(
                        """
                        select id, username, password_hash, enabled and deleted_at is null as active, locked_until,
                            lock_hard, mfa_enabled_at is not null as mfa_enabled
                        from access.operator where username = ?""")
                .param(username)
                .query((rs, row) -> new Credentials(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        rs.getBoolean("active"),
                        instant(rs.getObject("locked_until", OffsetDateTime.class)),
                        rs.getBoolean("lock_hard"),
                        rs.getBoolean("mfa_enabled")))
                .optional();
    }

    /**
     * Counts a failed password or code; at {@code limit} consecutive failures the account is locked until
     * {@code now + lock} and the counter starts again, so after the lock the operator has the full allowance. A
     * {@code hard} lock (after codes) is passed by nothing; a soft one by a correct password plus a code. A soft
     * lock never weakens a hard one still running.
     */
    Failure recordFailure(UUID id, int limit, Duration lock, boolean hard, Instant now) {
        OffsetDateTime until = ts(now.plus(lock));
        return jdbc.sql(
                        """
                        update access.operator set
                            lock_hard = case when failed_logins + 1 >= ?
                                then ? or (lock_hard and coalesce(locked_until > ?, false)) else lock_hard end,
                            locked_until = case when failed_logins + 1 >= ? then ? else locked_until end,
                            failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end
                        where id = ?
                        returning failed_logins""")
                .params(limit, hard, ts(now), limit, until, limit, id)
                .query((rs, row) -> {
                    int failures = rs.getInt("failed_logins");
                    // a failure never leaves the counter at 0 unless it reached the limit and locked
                    return failures == 0 ? new Failure(limit, true) : new Failure(failures, false);
                })
                .single();
    }

    /** A complete sign-in: the failure counter and any expired lock are cleared. */
    void recordSuccess(UUID id, Instant now) {
        jdbc.sql("update access.operator set failed_logins = 0, locked_until = null, lock_hard = false,"
                        + " last_login_at = ? where id = ?")
                .params(ts(now), id)
                .update();
    }

    Optional<SecondFactor> secondFactor(UUID id) {
        return jdbc.sql(
                        """
                        select mfa_secret, mfa_last_step from access.operator
                        where id = ? and mfa_enabled_at is not null and mfa_secret is not null""")
                .param(id)
                .query((rs, row) ->
                        new SecondFactor(rs.getString("mfa_secret"), rs.getObject("mfa_last_step", Long.class)))
                .optional();
    }

    /** Takes a TOTP step as used; false when it (or a later one) was used before: a replayed code. */
    boolean acceptStep(UUID id, long step) {
        return jdbc.sql(
                                """
                        update access.operator set mfa_last_step = ?
                        where id = ? and mfa_enabled_at is not null and (mfa_last_step is null or mfa_last_step < ?)""")
                        .params(step, id, step)
                        .update()
                == 1;
    }

    /** Uses up a recovery code; false when the operator has no such unused code. */
    boolean useRecoveryCode(UUID id, byte[] hash) {
        return jdbc.sql("delete from access.mfa_recovery_code where operator_id = ? and code_hash = ?")
                        .params(id, hash)
                        .update()
                == 1;
    }

    int remainingRecoveryCodes(UUID id) {
        return jdbc.sql("select count(*) from access.mfa_recovery_code where operator_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    /**
     * Turns the second factor on with this secret, its first accepted step and fresh recovery codes; false when
     * the operator enrolled meanwhile (another tab or node), in which case nothing changes.
     */
    boolean enrol(UUID id, String encryptedSecret, long step, List<byte[]> recoveryCodeHashes, Instant now) {
        int updated = jdbc.sql(
                        """
                        update access.operator set mfa_secret = ?, mfa_enabled_at = ?, mfa_last_step = ?, updated_at = ?
                        where id = ? and mfa_enabled_at is null""")
                .params(encryptedSecret, ts(now), step, ts(now), id)
                .update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("delete from access.mfa_recovery_code where operator_id = ?")
                .param(id)
                .update();
        for (byte[] hash : recoveryCodeHashes) {
            jdbc.sql("insert into access.mfa_recovery_code (operator_id, code_hash) values (?, ?)")
                    .params(id, hash)
                    .update();
        }
        return true;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
