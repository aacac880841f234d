package org.opsdesk.operations.approvals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.operations.ApprovalRequest;
import org.opsdesk.operations.ApprovalRequest.Approval;
import org.opsdesk.operations.ApprovalRequest.Party;
import org.opsdesk.operations.ApprovalRequest.State;
import org.opsdesk.shared.Currencies;
import org.opsdesk.shared.CurrencyCode;
import org.opsdesk.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approval requests and their votes: explicit SQL. Requests change state only from PENDING (every update
 * says {@code where state = 'PENDING'}); votes are insert-only.
 */
@Repository
public class ApprovalStore {

    private final JdbcClient jdbc;
    private final Currencies currencies;
    private final Clock clock;
    private final Duration overdueAfter;

    public ApprovalStore(
            JdbcClient jdbc,
            Currencies currencies,
            Clock clock,
            @Value("${opsdesk.approvals.overdue-after:PT4H}") Duration overdueAfter) {
        this.jdbc = jdbc;
        this.currencies = currencies;
        this.clock = clock;
        this.overdueAfter = overdueAfter;
    }

    /** Stores a new request; {@code makerKey} is the maker's principal, the case holds the maker's person. */
    public void insert(ApprovalCase opened, String makerKey) {
        ApprovalRequest r = opened.request();
        jdbc.sql(
                        """
                        insert into operations.approval_request (id, operation_id, operation_type, from_stage, to_stage,
                          stage_entered_at, override, amount, currency, reason, comment, maker_kind, maker_id,
                          maker_name, maker_key, maker_person, required_approvals, state, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(Arrays.asList(
                        r.id(),
                        r.operationId(),
                        r.operationType(),
                        r.fromStage(),
                        r.toStage(),
                        ts(opened.stay().enteredAt()),
                        opened.override(),
                        r.amount() == null ? null : r.amount().amount(),
                        r.amount() == null ? null : r.amount().currency().code(),
                        r.reason(),
                        r.comment(),
                        r.maker().kind(),
                        r.maker().id(),
                        r.maker().name(),
                        makerKey,
                        opened.makerPerson(),
                        r.requiredApprovals(),
                        ts(r.createdAt())))
                .update();
    }

    public Optional<UUID> operationOf(UUID requestId) {
        return jdbc.sql("select operation_id from operations.approval_request where id = ?")
                .param(requestId)
                .query(UUID.class)
                .optional();
    }

    public Optional<ApprovalCase> find(UUID id) {
        return one("select * from operations.approval_request where id = ?", id);
    }

    /** Locks the request row; callers lock its operation first, as every change does, so locks never cross. */
    public Optional<ApprovalCase> lock(UUID id) {
        return one("select * from operations.approval_request where id = ? for update", id);
    }

    public Optional<UUID> pending(UUID operationId, String toStage) {
        return jdbc.sql(
                        "select id from operations.approval_request where operation_id = ? and to_stage = ? and state = 'PENDING'")
                .params(operationId, toStage)
                .query(UUID.class)
                .optional();
    }

    /** The pending requests of one operation, oldest first (the partial unique index covers the lookup). */
    public List<ApprovalRequest> pendingOn(UUID operationId) {
        return list(
                "select r.* from operations.approval_request r where r.operation_id = ? and r.state = 'PENDING'"
                        + " order by r.created_at, r.id",
                List.of(operationId));
    }

    public void addVote(
            UUID requestId,
            String checkerKey,
            String checkerPerson,
            Party checker,
            @Nullable String comment,
            Instant at) {
        jdbc.sql(
                        """
                        insert into operations.approval_vote (request_id, checker_key, checker_person, checker_kind,
                          checker_id, checker_name, comment, at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(
                        requestId,
                        checkerKey,
                        checkerPerson,
                        checker.kind(),
                        checker.id(),
                        checker.name(),
                        comment,
                        ts(at)))
                .update();
    }

    /** Moves a pending request to its final state; declined and void requests need their reason. */
    public void decide(
            UUID id, State state, Instant at, Party by, @Nullable String declineReason, @Nullable String voidReason) {
        int updated = jdbc.sql(
                        """
                        update operations.approval_request set state = ?, decided_at = ?, decided_by_kind = ?,
                          decided_by_id = ?, decided_by_name = ?, decline_reason = ?, void_reason = ?
                        where id = ? and state = 'PENDING'""")
                .params(Arrays.asList(
                        state.name(), ts(at), by.kind(), by.id(), by.name(), declineReason, voidReason, id))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("approval request " + id + " was not pending");
        }
    }

    /** Voids every pending request of an operation that is moving; returns their ids, oldest first. */
    public List<UUID> voidPending(UUID operationId, String voidReason, Instant at, Party by) {
        return jdbc.sql(
                        """
                        with voided as (
                          update operations.approval_request set state = 'VOID', decided_at = ?, decided_by_kind = ?,
                            decided_by_id = ?, decided_by_name = ?, void_reason = ?
                          where operation_id = ? and state = 'PENDING'
                          returning id, created_at)
                        select id from voided order by created_at, id""")
                .params(ts(at), by.kind(), by.id(), by.name(), voidReason, operationId)
                .query(UUID.class)
                .list();
    }

    public List<ApprovalRequest> list(String sql, List<Object> params) {
        var requests = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> map(rs, List.of()))
                .list();
        if (requests.isEmpty()) {
            return requests;
        }
        var votes = votes(requests.stream().map(ApprovalRequest::id).toArray(UUID[]::new));
        return requests.stream()
                .map(r -> withApprovals(r, votes.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private Optional<ApprovalCase> one(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query((rs, n) -> stored(rs)).optional().map(stored -> {
            var approvals = votes(new UUID[] {id}).getOrDefault(id, List.of());
            return ApprovalCase.restore(
                    withApprovals(stored.request(), approvals),
                    stored.stay(),
                    stored.override(),
                    stored.makerPerson(),
                    voters(id));
        });
    }

    private Set<String> voters(UUID requestId) {
        return Set.copyOf(jdbc.sql("select checker_person from operations.approval_vote where request_id = ?")
                .param(requestId)
                .query(String.class)
                .list());
    }

    private Map<UUID, List<Approval>> votes(UUID[] requestIds) {
        var byRequest = new HashMap<UUID, List<Approval>>();
        jdbc.sql("select * from operations.approval_vote where request_id = any(?) order by at, checker_key")
                .param(requestIds)
                .query(rs -> {
                    byRequest
                            .computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>())
                            .add(new Approval(
                                    new Party(
                                            rs.getString("checker_kind"),
                                            rs.getString("checker_id"),
                                            rs.getString("checker_name")),
                                    instant(rs, "at"),
                                    rs.getString("comment")));
                });
        return byRequest;
    }

    private ApprovalRequest withApprovals(ApprovalRequest r, List<Approval> approvals) {
        return new ApprovalRequest(
                r.id(),
                r.operationId(),
                r.operationType(),
                r.fromStage(),
                r.toStage(),
                r.amount(),
                r.reason(),
                r.comment(),
                r.maker(),
                r.requiredApprovals(),
                approvals,
                r.state(),
                r.createdAt(),
                r.decidedAt(),
                r.decidedBy(),
                r.declineReason(),
                r.voidReason(),
                r.overdue());
    }

    private ApprovalCase stored(ResultSet rs) throws SQLException {
        ApprovalRequest request = map(rs, List.of());
        return ApprovalCase.restore(
                request,
                new StageStay(request.fromStage(), instant(rs, "stage_entered_at")),
                rs.getBoolean("override"),
                rs.getString("maker_person"),
                Set.of());
    }

    private ApprovalRequest map(ResultSet rs, List<Approval> approvals) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        String currency = rs.getString("currency");
        Money money = amount == null || currency == null
                ? null
                : new Money(
                        amount, currencies.find(currency).orElseGet(() -> new CurrencyCode(currency, amount.scale())));
        State state = State.valueOf(rs.getString("state"));
        Instant createdAt = instant(rs, "created_at");
        String decidedByKind = rs.getString("decided_by_kind");
        return new ApprovalRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("operation_id", UUID.class),
                rs.getString("operation_type"),
                rs.getString("from_stage"),
                rs.getString("to_stage"),
                money,
                rs.getString("reason"),
                rs.getString("comment"),
                new Party(rs.getString("maker_kind"), rs.getString("maker_id"), rs.getString("maker_name")),
                rs.getInt("required_approvals"),
                approvals,
                state,
                createdAt,
                nullableInstant(rs, "decided_at"),
                decidedByKind == null
                        ? null
                        : new Party(decidedByKind, rs.getString("decided_by_id"), rs.getString("decided_by_name")),
                rs.getString("decline_reason"),
                rs.getString("void_reason"),
                state == State.PENDING && clock.instant().isAfter(createdAt.plus(overdueAfter)));
    }

    static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = nullableInstant(rs, column);
        if (value == null) {
            throw new IllegalStateException(column + " is null");
        }
        return value;
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
