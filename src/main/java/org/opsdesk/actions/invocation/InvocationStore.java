package org.opsdesk.actions.invocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The catalog's rows of its invocations ({@code actions.invocation}): explicit SQL. */
@Repository
class InvocationStore {

    /** One invocation as stored. */
    record Stored(
            UUID operationId,
            String actionId,
            String targetKind,
            @Nullable String targetId,
            String inputJson,
            @Nullable String reason,
            Actor maker,
            int requiredApprovals) {}

    private final JdbcClient jdbc;

    InvocationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Stored invocation, Instant at) {
        rememberInThisTransaction(invocation);
        Actor maker = invocation.maker();
        jdbc.sql(
                        """
                        insert into actions.invocation (operation_id, action_id, target_kind, target_id, input, reason,
                          maker_kind, maker_id, maker_name, maker_person, required_approvals, created_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""")
                .params(java.util.Arrays.asList(
                        invocation.operationId(),
                        invocation.actionId(),
                        invocation.targetKind(),
                        invocation.targetId(),
                        invocation.inputJson(),
                        invocation.reason(),
                        maker.kind().code(),
                        maker.id(),
                        maker.name(),
                        maker.person(),
                        invocation.requiredApprovals(),
                        Timestamp.from(at)))
                .update();
    }

    Optional<Stored> find(UUID operationId) {
        Stored inserted = insertedInThisTransaction(operationId);
        return inserted != null ? Optional.of(inserted) : select(operationId, "");
    }

    /**
     * Keeps the row just inserted for the rest of its transaction: the approval rule asks for it twice while the
     * invocation's operation is created in the same transaction, and a row this transaction wrote reads back the
     * same (no other transaction changes it before it commits; only {@link #recordTarget} changes it, and it forgets
     * the kept row).
     */
    private static void rememberInThisTransaction(Stored invocation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        var key = new InsertedKey(invocation.operationId());
        TransactionSynchronizationManager.bindResource(key, invocation);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }

    private static @Nullable Stored insertedInThisTransaction(UUID operationId) {
        return TransactionSynchronizationManager.getResource(new InsertedKey(operationId)) instanceof Stored stored
                ? stored
                : null;
    }

    /** The key an inserted row is bound under in its transaction's resources. */
    private record InsertedKey(UUID operationId) {}

    /** The invocation, its row locked until the transaction ends: one processor applies an invocation at a time. */
    Optional<Stored> lock(UUID operationId) {
        return select(operationId, " for update");
    }

    /** The invocation was handed to the provider (moved to {@code at_provider}) at this time. */
    void markHandedOver(UUID operationId, Instant at) {
        jdbc.sql("update actions.invocation set handed_over_at = ? where operation_id = ?")
                .params(Timestamp.from(at), operationId)
                .update();
    }

    /** The provider call came back with an answer (or a late outcome settled it): nothing left to resend. */
    void markAnswered(UUID operationId, Instant at) {
        jdbc.sql("update actions.invocation set answered_at = ? where operation_id = ? and answered_at is null")
                .params(Timestamp.from(at), operationId)
                .update();
    }

    /**
     * The invocation's provider call is due now: its hand-over was recorded in the outbox relay's transaction, and
     * {@link UnansweredCalls} makes the call off the relay.
     */
    void markCallDue(UUID operationId, Instant at) {
        jdbc.sql("update actions.invocation set call_due_at = ? where operation_id = ?")
                .params(Timestamp.from(at), operationId)
                .update();
    }

    /** A claimed provider call: whether it is the first one (due since its approval) or one sent again. */
    record ClaimedCall(UUID operationId, boolean first) {}

    /**
     * Claims one provider call to make: an invocation whose call is due by {@code now} (handed over by the outbox
     * relay's listener), or one handed over before {@code stale} and never answered — a call its node did not finish.
     * The claim clears the due mark and moves the hand-over time to {@code now}, which keeps other nodes off it until
     * it is stale again (a node that stops mid-call leaves it for a resend); it skips rows another node holds.
     */
    Optional<ClaimedCall> claimCall(Instant stale, Instant now) {
        return jdbc.sql(
                        """
                        with due as (
                          select operation_id, call_due_at is not null as first from actions.invocation
                          where handed_over_at is not null and answered_at is null
                            and (call_due_at <= ? or handed_over_at < ?)
                          order by coalesce(call_due_at, handed_over_at)
                          limit 1
                          for update skip locked)
                        update actions.invocation i set handed_over_at = ?, call_due_at = null
                        from due where i.operation_id = due.operation_id
                        returning i.operation_id, due.first""")
                .params(Timestamp.from(now), Timestamp.from(stale), Timestamp.from(now))
                .query((rs, row) -> new ClaimedCall(rs.getObject(1, UUID.class), rs.getBoolean(2)))
                .optional();
    }

    void recordTarget(UUID operationId, String targetId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(new InsertedKey(operationId));
        }
        jdbc.sql("update actions.invocation set target_id = ? where operation_id = ? and target_id is null")
                .params(targetId, operationId)
                .update();
    }

    private Optional<Stored> select(UUID operationId, String lock) {
        return jdbc.sql("select operation_id, action_id, target_kind, target_id, input::text as input, reason,"
                        + " maker_kind, maker_id, maker_name, maker_person, required_approvals"
                        + " from actions.invocation where operation_id = ?" + lock)
                .param(operationId)
                .query((rs, row) -> new Stored(
                        rs.getObject("operation_id", UUID.class),
                        rs.getString("action_id"),
                        rs.getString("target_kind"),
                        rs.getString("target_id"),
                        rs.getString("input"),
                        rs.getString("reason"),
                        new Actor(
                                Actor.Kind.valueOf(rs.getString("maker_kind").toUpperCase(java.util.Locale.ROOT)),
                                rs.getString("maker_id"),
                                rs.getString("maker_name"),
                                Permissions.none(),
                                rs.getString("maker_person")),
                        rs.getInt("required_approvals")))
                .optional();
    }
}
