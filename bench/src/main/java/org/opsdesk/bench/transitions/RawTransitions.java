package org.opsdesk.bench.transitions;

import static org.opsdesk.bench.Bench.JSON;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import org.opsdesk.bench.app.BenchDatabase;
import org.opsdesk.bench.load.Slice;
import org.opsdesk.bench.load.Worker;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's transition as plain JDBC on one connection per client, autocommit off, copying the production SQL:
 * {@code SELECT <the app's columns> … FOR UPDATE}; {@code UPDATE} stage, status, version, timestamps and
 * history head; {@code INSERT} the history entry (hash chained like {@code HistoryChain}); {@code INSERT} the
 * outbox event (built from a real API event: same shape and size); {@code COMMIT}. It moves the raw half of the
 * bench_ping operations.
 */
final class RawTransitions {

    static final String COLUMNS =
            "id, type, workflow_version, reference, subject, status, stage, amount, currency, assignee,"
                    + " attributes::text as attributes, version, created_at, updated_at, stage_entered_at, due_at,"
                    + " timer_at, history_head";

    private final PingIds ids;
    private final ObjectNode template;
    private final String actorId;
    private final String actorName;

    /** {@code template}: an outbox payload of an API transition, the shape of the events written here. */
    RawTransitions(PingIds ids, ObjectNode template, String actorId, String actorName) {
        this.ids = ids;
        this.template = template;
        this.actorId = actorId;
        this.actorName = actorName;
    }

    /** A client owning slice {@code client} of {@code clients} of the raw ids, moving them round-robin. */
    Worker worker(int client, int clients) {
        Slice slice = Slice.of(ids.raw.length, client, clients);
        try {
            Connection c = BenchDatabase.connect(60);
            c.setAutoCommit(false);
            PreparedStatement lock =
                    c.prepareStatement("select " + COLUMNS + " from operations.operation where id = ? for update");
            PreparedStatement update = c.prepareStatement(
                    "update operations.operation set stage = ?, status = ?, version = version + 1, updated_at = ?,"
                            + " stage_entered_at = ?, history_head = ? where id = ?");
            PreparedStatement history = c.prepareStatement(
                    """
                    insert into operations.history_entry (operation_id, seq, kind, at, actor_kind, actor_id, actor_name,
                      from_stage, from_status, to_stage, to_status, reason, comment, override, changes, request_id,
                      previous_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            PreparedStatement outbox = c.prepareStatement(
                    "insert into operations.outbox (event_id, event_type, operation_id, payload, occurred_at)"
                            + " values (?, ?, ?, ?::jsonb, ?)");
            return new Worker() {

                @Override
                public int step() throws Exception {
                    int i = slice.next();
                    UUID id = ids.raw[i];
                    try {
                        lock.setObject(1, id);
                        String stage, status, type, reference, subject, attributes;
                        long version;
                        int workflowVersion;
                        byte[] head;
                        OffsetDateTime createdAt;
                        try (ResultSet rs = lock.executeQuery()) {
                            if (!rs.next()) {
                                throw new IllegalStateException("operation " + id + " is missing");
                            }
                            stage = rs.getString("stage");
                            status = rs.getString("status");
                            type = rs.getString("type");
                            reference = rs.getString("reference");
                            subject = rs.getString("subject");
                            attributes = rs.getString("attributes");
                            version = rs.getLong("version");
                            workflowVersion = rs.getInt("workflow_version");
                            head = rs.getBytes("history_head");
                            createdAt = rs.getObject("created_at", OffsetDateTime.class);
                            rs.getBigDecimal("amount");
                            rs.getString("currency");
                            rs.getString("assignee");
                            rs.getObject("updated_at", OffsetDateTime.class);
                            rs.getObject("stage_entered_at", OffsetDateTime.class);
                            rs.getObject("due_at", OffsetDateTime.class);
                            rs.getObject("timer_at", OffsetDateTime.class);
                        }
                        String toStage = stage.equals("ping") ? "pong" : "ping";
                        String toStatus = "PENDING";
                        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                        long seq = version + 1;
                        String requestId = UUID.randomUUID().toString();
                        String canonical = JSON.writeValueAsString(Arrays.asList(
                                id.toString(),
                                seq,
                                "transitioned",
                                now.toString(),
                                "api_key",
                                actorId,
                                actorName,
                                stage,
                                status,
                                toStage,
                                toStatus,
                                "bench",
                                null,
                                false,
                                "{}",
                                requestId));
                        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                        sha256.update(head);
                        sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
                        byte[] hash = sha256.digest();

                        update.setString(1, toStage);
                        update.setString(2, toStatus);
                        update.setObject(3, at);
                        update.setObject(4, at);
                        update.setBytes(5, hash);
                        update.setObject(6, id);
                        update.executeUpdate();

                        history.setObject(1, id);
                        history.setLong(2, seq);
                        history.setString(3, "transitioned");
                        history.setObject(4, at);
                        history.setString(5, "api_key");
                        history.setString(6, actorId);
                        history.setString(7, actorName);
                        history.setString(8, stage);
                        history.setString(9, status);
                        history.setString(10, toStage);
                        history.setString(11, toStatus);
                        history.setString(12, "bench");
                        history.setNull(13, java.sql.Types.VARCHAR);
                        history.setBoolean(14, false);
                        history.setString(15, "{}");
                        history.setString(16, requestId);
                        history.setBytes(17, head);
                        history.setBytes(18, hash);
                        history.executeUpdate();

                        UUID eventId = UUID.randomUUID();
                        ObjectNode event = template.deepCopy();
                        event.put("eventId", eventId.toString());
                        event.put("occurredAt", now.toString());
                        event.put("fromStage", stage);
                        event.put("fromStatus", status);
                        event.put("toStage", toStage);
                        event.put("toStatus", toStatus);
                        event.put("actorKind", "api_key");
                        event.put("actorId", actorId);
                        event.put("actorName", actorName);
                        event.put("reason", "bench");
                        event.put("override", false);
                        ObjectNode op = (ObjectNode) event.get("operation");
                        op.put("id", id.toString());
                        op.put("type", type);
                        op.put("workflowVersion", workflowVersion);
                        op.put("reference", reference);
                        op.put("subject", subject);
                        op.put("status", toStatus);
                        op.put("stage", toStage);
                        op.put("attributesJson", attributes);
                        op.put("version", seq);
                        op.put("createdAt", createdAt.toInstant().toString());
                        op.put("updatedAt", now.toString());
                        op.put("stageEnteredAt", now.toString());
                        outbox.setObject(1, eventId);
                        outbox.setString(2, "operation.status_changed");
                        outbox.setObject(3, id);
                        outbox.setString(4, JSON.writeValueAsString(event));
                        outbox.setObject(5, at);
                        outbox.executeUpdate();
                        c.commit();
                        return 200;
                    } catch (SQLException | RuntimeException e) {
                        try {
                            c.rollback();
                        } catch (SQLException ignored) {
                            // reported below
                        }
                        throw e;
                    }
                }

                @Override
                public void close() throws SQLException {
                    c.close();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a raw JDBC client connection", e);
        }
    }
}
