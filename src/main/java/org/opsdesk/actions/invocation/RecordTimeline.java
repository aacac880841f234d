package org.opsdesk.actions.invocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.actions.ActionTimelineEntry;
import org.opsdesk.operations.OperationQueries;
import org.opsdesk.operations.OperationSnapshot;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.ProblemException;
import org.opsdesk.workflow.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invocations on one record, newest first, each with its operation's status now — the record page's actions
 * timeline. Reads {@code actions.invocation} by its target index; an operation the actor may not see is left out.
 */
@Component
public class RecordTimeline {

    /** The stage a four-eyes invocation waits in until its checkers decide. */
    private static final String REQUESTED = "requested";

    private record Row(
            UUID operationId,
            String actionId,
            int requiredApprovals,
            String maker,
            @Nullable String reason,
            Instant at) {}

    private final JdbcClient jdbc;
    private final OperationQueries operations;
    private final InvocationChecks checks;

    RecordTimeline(JdbcClient jdbc, OperationQueries operations, InvocationChecks checks) {
        this.jdbc = jdbc;
        this.operations = operations;
        this.checks = checks;
    }

    /** @throws org.opsdesk.shared.NotFound when the record is not the actor's to see */
    public List<ActionTimelineEntry> of(String kind, String id, Actor actor, int limit) {
        checks.find(kind, id, actor);
        var rows = jdbc.sql("select operation_id, action_id, required_approvals, maker_name, reason, created_at"
                        + " from actions.invocation where target_kind = ? and target_id = ?"
                        + " order by created_at desc limit ?")
                .params(kind, id, limit)
                .query(RecordTimeline::row)
                .list();
        var entries = new ArrayList<ActionTimelineEntry>();
        rows.forEach(row -> entry(row, actor).ifPresent(entries::add));
        return entries;
    }

    /** One invocation, if the actor may see its operation. */
    public Optional<ActionTimelineEntry> find(UUID operationId, Actor actor) {
        return jdbc.sql("select operation_id, action_id, required_approvals, maker_name, reason, created_at"
                        + " from actions.invocation where operation_id = ?")
                .param(operationId)
                .query(RecordTimeline::row)
                .optional()
                .flatMap(row -> entry(row, actor));
    }

    private Optional<ActionTimelineEntry> entry(Row row, Actor actor) {
        OperationSnapshot operation;
        try {
            operation = operations.get(row.operationId(), actor);
        } catch (ProblemException notVisible) {
            return Optional.empty();
        }
        boolean waiting = row.requiredApprovals() > 0
                && operation.status() == Status.PENDING
                && REQUESTED.equals(operation.stage());
        return Optional.of(new ActionTimelineEntry(
                row.operationId(),
                row.actionId(),
                operation.status().name(),
                operation.stage(),
                waiting,
                row.maker(),
                row.reason(),
                row.at()));
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp("created_at");
        return new Row(
                rs.getObject("operation_id", UUID.class),
                rs.getString("action_id"),
                rs.getInt("required_approvals"),
                rs.getString("maker_name"),
                rs.getString("reason"),
                at.toInstant());
    }
}
