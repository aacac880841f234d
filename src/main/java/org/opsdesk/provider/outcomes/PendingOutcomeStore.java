package org.opsdesk.provider.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code provider} schema's pending outcomes, their claims and their insert-only log. */
@Repository
class PendingOutcomeStore {

    private static final String COLUMNS = "operation_id, action_id, state, why, checks_done, next_check_at,"
            + " last_checked_at, last_answer, resolution, resolved_by, resolved_at, created_at";

    /** A due row a worker holds until {@code leaseUntil}; its result counts only with {@code claimToken}. */
    record Claimed(UUID operationId, String actionId, int checksDone, UUID claimToken, Instant leaseUntil) {}

    private final JdbcClient jdbc;

    PendingOutcomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a pending row; false when the operation already has one (a repeated send keeps the first). */
    boolean insert(UUID operationId, String actionId, String why, Instant firstCheck, Instant now) {
        return jdbc.sql(
                                """
                        insert into provider.pending_outcome (operation_id, action_id, state, why, next_check_at,
                            created_at)
                        values (?, ?, 'pending', ?, ?, ?) on conflict (operation_id) do nothing""")
                        .params(operationId, actionId, why, utc(firstCheck), utc(now))
                        .update()
                > 0;
    }

    Optional<PendingOutcome> find(UUID operationId) {
        return jdbc.sql("select " + COLUMNS + " from provider.pending_outcome where operation_id = ?")
                .param(operationId)
                .query(PendingOutcomeStore::row)
                .optional();
    }

    /** Locks the row for a change in this transaction (callback, check, settlement, resolution). */
    Optional<PendingOutcome> lock(UUID operationId) {
        return jdbc.sql("select " + COLUMNS + " from provider.pending_outcome where operation_id = ? for update")
                .param(operationId)
                .query(PendingOutcomeStore::row)
                .optional();
    }

    /** Locks the row only while it is still pending under this claim (a callback may have resolved it since). */
    Optional<PendingOutcome> lockClaimed(UUID operationId, UUID claimToken) {
        return jdbc.sql("select " + COLUMNS + " from provider.pending_outcome"
                        + " where operation_id = ? and claim_token = ? and state = 'pending' for update")
                .params(operationId, claimToken)
                .query(PendingOutcomeStore::row)
                .optional();
    }

    /**
     * Claims up to {@code limit} pending rows whose check is due and whose lease (if any) has lapsed, in one
     * statement: rows another node is claiming at the same moment are skipped, never waited for, so each row goes
     * to one claimer; its commit is the claim.
     */
    List<Claimed> claim(String worker, Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql(
                        """
                        update provider.pending_outcome p
                        set claim_token = gen_random_uuid(), lease_owner = ?, lease_until = ?
                        where p.operation_id in (
                            select operation_id from provider.pending_outcome
                            where state = 'pending' and next_check_at <= ?
                              and (lease_until is null or lease_until <= ?)
                            order by next_check_at limit ? for update skip locked)
                        returning p.operation_id, p.action_id, p.checks_done, p.claim_token, p.lease_until""")
                .params(worker, utc(leaseUntil), utc(now), utc(now), limit)
                .query((rs, n) -> new Claimed(
                        rs.getObject("operation_id", UUID.class),
                        rs.getString("action_id"),
                        rs.getInt("checks_done"),
                        rs.getObject("claim_token", UUID.class),
                        rs.getObject("lease_until", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A check that learnt nothing: counted (when it was a scheduled one), the next one set, the claim released. */
    void checked(UUID operationId, boolean scheduled, Instant nextCheck, String answer, Instant now) {
        jdbc.sql(
                        """
                        update provider.pending_outcome
                        set checks_done = checks_done + ?, next_check_at = ?, last_checked_at = ?, last_answer = ?,
                            claim_token = null, lease_owner = null, lease_until = null
                        where operation_id = ?""")
                .params(scheduled ? 1 : 0, utc(nextCheck), utc(now), answer, operationId)
                .update();
    }

    /** Ends the wait: resolved, given up on or closed, with who or what ended it. */
    void end(
            UUID operationId,
            PendingOutcome.State state,
            @Nullable String resolution,
            String resolvedBy,
            boolean counted,
            @Nullable String answer,
            Instant now) {
        jdbc.sql(
                        """
                        update provider.pending_outcome
                        set state = ?, resolution = ?, resolved_by = ?, resolved_at = ?, next_check_at = null,
                            checks_done = checks_done + ?, last_checked_at = case when ? then ? else last_checked_at end,
                            last_answer = coalesce(?, last_answer),
                            claim_token = null, lease_owner = null, lease_until = null
                        where operation_id = ?""")
                .params(
                        state.code(),
                        resolution,
                        resolvedBy,
                        utc(now),
                        counted ? 1 : 0,
                        answer != null,
                        utc(now),
                        answer,
                        operationId)
                .update();
    }

    void log(UUID operationId, String kind, String detail, Actor actor, Instant at) {
        jdbc.sql(
                        """
                        insert into provider.outcome_log (operation_id, kind, detail, actor_kind, actor_id, actor_name,
                            at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(operationId, kind, detail, actor.kind().code(), actor.id(), actor.name(), utc(at))
                .update();
    }

    /** The log of one outcome, oldest first (for tests and the record). */
    List<String> logKinds(UUID operationId) {
        return jdbc.sql("select kind from provider.outcome_log where operation_id = ? order by id")
                .param(operationId)
                .query(String.class)
                .list();
    }

    private static PendingOutcome row(ResultSet rs, int n) throws SQLException {
        return new PendingOutcome(
                rs.getObject("operation_id", UUID.class),
                rs.getString("action_id"),
                PendingOutcome.State.of(rs.getString("state")),
                rs.getString("why"),
                rs.getInt("checks_done"),
                instant(rs, "next_check_at"),
                instant(rs, "last_checked_at"),
                rs.getString("last_answer"),
                rs.getString("resolution"),
                rs.getString("resolved_by"),
                instant(rs, "resolved_at"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
