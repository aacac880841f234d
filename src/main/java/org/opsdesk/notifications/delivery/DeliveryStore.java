package org.opsdesk.notifications.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.notifications.templates.RenderedMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code notifications.delivery} and its insert-only attempt log. */
@Repository
public class DeliveryStore {

    /** A delivery a worker holds until {@code leaseUntil}: what to send, and the token its result must carry. */
    public record Claimed(
            UUID id,
            String channel,
            String recipient,
            String messageId,
            String body,
            boolean test,
            int roundAttempts,
            UUID claimToken,
            Instant leaseUntil,
            @Nullable String audience,
            @Nullable String locale,
            @Nullable String subject,
            @Nullable String html) {

        /** The stored message of a rule's delivery, exactly as every attempt sends it. */
        public RenderedMessage message() {
            return new RenderedMessage(locale == null ? "en" : locale, subject, body, html);
        }
    }

    /**
     * A delivery of a rendered message — planned by a notification rule, or written by Opsdesk itself (an alert,
     * an endpoint owner's notice; {@code ruleId} null): {@code pending} with its message already rendered, or
     * recorded as {@code skipped} (nobody to send to) or {@code failed} (the message could not be rendered) with
     * the reason, and never attempted. {@code sentBy} and {@code edited} are set for a manual rule's notification
     * sent by hand.
     */
    public record RuleDelivery(
            UUID id,
            UUID eventId,
            String eventType,
            @Nullable UUID operationId,
            @Nullable String operationType,
            String channel,
            String recipient,
            String messageId,
            @Nullable String ruleId,
            String audience,
            @Nullable RenderedMessage message,
            DeliveryState state,
            @Nullable String reason,
            Delivery.@Nullable SentBy sentBy,
            @Nullable Boolean edited) {}

    /** What a finished attempt changes on the delivery. */
    public record Outcome(DeliveryState state, @Nullable Instant nextAttemptAt, @Nullable String lastError) {}

    private static final String COLUMNS =
            "id, event_id, event_type, operation_id, operation_type, channel, recipient, audience,"
                    + " message_id, test, state, attempts, next_attempt_at, last_error, sent_at, created_at, updated_at,"
                    + " rule_id, sent_by_kind, sent_by_id, sent_by_name, edited";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new pending delivery, or nothing when this (event, channel, recipient) already has one. */
    boolean insert(
            UUID id,
            UUID eventId,
            String eventType,
            @Nullable UUID operationId,
            @Nullable String operationType,
            String channel,
            String recipient,
            String messageId,
            String body,
            boolean test,
            Instant now) {
        return jdbc.sql(
                                """
                        insert into notifications.delivery (id, event_id, event_type, operation_id, operation_type,
                            channel, recipient, message_id, body, test, state, next_attempt_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
                        on conflict (event_id, channel, recipient) do nothing""")
                        .params(
                                id,
                                eventId,
                                eventType,
                                operationId,
                                operationType,
                                channel,
                                recipient,
                                messageId,
                                body,
                                test,
                                utc(now),
                                utc(now),
                                utc(now))
                        .update()
                == 1;
    }

    /** Stores a delivery planned by a rule, or nothing when this (event, channel, recipient) already has one. */
    public boolean insert(RuleDelivery delivery, Instant now) {
        var message = delivery.message();
        var sentBy = delivery.sentBy();
        boolean pending = delivery.state() == DeliveryState.PENDING;
        return jdbc.sql(
                                """
                        insert into notifications.delivery (id, event_id, event_type, operation_id, operation_type,
                            channel, recipient, message_id, body, test, state, next_attempt_at, last_error, rule_id,
                            audience, locale, subject, html, sent_by_kind, sent_by_id, sent_by_name, edited,
                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (event_id, channel, recipient) do nothing""")
                        .params(
                                delivery.id(),
                                delivery.eventId(),
                                delivery.eventType(),
                                delivery.operationId(),
                                delivery.operationType(),
                                delivery.channel(),
                                delivery.recipient(),
                                delivery.messageId(),
                                message == null ? "" : message.text(),
                                delivery.state().code(),
                                pending ? utc(now) : null,
                                delivery.reason(),
                                delivery.ruleId(),
                                delivery.audience(),
                                message == null ? null : message.locale(),
                                message == null ? null : message.subject(),
                                message == null ? null : message.html(),
                                sentBy == null ? null : sentBy.kind(),
                                sentBy == null ? null : sentBy.id(),
                                sentBy == null ? null : sentBy.name(),
                                delivery.edited(),
                                utc(now),
                                utc(now))
                        .update()
                == 1;
    }

    /**
     * Claims up to {@code limit} due deliveries — sending with an expired lease (a worker that died or stalled)
     * first, then pending or retrying and due, oldest first — in one statement, so its commit is the claim. Rows
     * another worker is claiming at the same moment are skipped, never waited for. Each kind is read in the order
     * of its own partial index and stops at the limit ({@code delivery_lease}, {@code delivery_due}): one query with
     * an OR of both sorted every due row on each claim, which grew with a backlog exactly when it had to drain.
     */
    List<Claimed> claim(String worker, Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql(
                        """
                        with expired as (
                            select id, claimed_until as due from notifications.delivery
                            where state = 'sending' and claimed_until <= ?
                            order by claimed_until limit ? for update skip locked),
                        due as (
                            select id, next_attempt_at as due from notifications.delivery
                            where state in ('pending', 'retrying') and next_attempt_at <= ?
                            order by next_attempt_at limit ? for update skip locked)
                        update notifications.delivery d
                        set state = 'sending', claimed_by = ?, claim_token = gen_random_uuid(), claimed_until = ?,
                            updated_at = ?
                        where d.id in (
                            select id from (select id, 0 as kind, due from expired
                                            union all select id, 1, due from due) claimable
                            order by kind, due limit ?)
                        returning d.id, d.channel, d.recipient, d.message_id, d.body, d.test, d.round_attempts,
                            d.claim_token, d.claimed_until, d.audience, d.locale, d.subject, d.html""")
                .params(utc(now), limit, utc(now), limit, worker, utc(leaseUntil), utc(now), limit)
                .query((rs, n) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("message_id"),
                        rs.getString("body"),
                        rs.getBoolean("test"),
                        rs.getInt("round_attempts"),
                        rs.getObject("claim_token", UUID.class),
                        rs.getObject("claimed_until", OffsetDateTime.class).toInstant(),
                        rs.getString("audience"),
                        rs.getString("locale"),
                        rs.getString("subject"),
                        rs.getString("html")))
                .list();
    }

    /**
     * Records the outcome if {@code claimToken} still holds the delivery; answers the attempt's number, or empty
     * when a newer claim took it over (then nothing changes). Run in the transaction that logs the attempt.
     */
    Optional<Integer> finish(UUID id, UUID claimToken, Outcome outcome, Instant now) {
        return jdbc.sql(
                        """
                        update notifications.delivery
                        set state = ?, next_attempt_at = ?, last_error = ?, attempts = attempts + 1,
                            round_attempts = round_attempts + 1,
                            sent_at = case when ? = 'sent' then ? else sent_at end,
                            claimed_by = null, claim_token = null, claimed_until = null, updated_at = ?
                        where id = ? and claim_token = ?
                        returning attempts""")
                .params(
                        outcome.state().code(),
                        outcome.nextAttemptAt() == null ? null : utc(outcome.nextAttemptAt()),
                        outcome.lastError(),
                        outcome.state().code(),
                        utc(now),
                        utc(now),
                        id,
                        claimToken)
                .query(Integer.class)
                .optional();
    }

    void logAttempt(
            UUID deliveryId,
            @Nullable Integer attemptNo,
            UUID claimToken,
            String worker,
            Instant at,
            String outcome,
            @Nullable Integer statusCode,
            long latencyMs,
            @Nullable String error,
            @Nullable String responseBody) {
        jdbc.sql(
                        """
                        insert into notifications.delivery_attempt (delivery_id, attempt_no, claim_token, worker, at,
                            outcome, status_code, latency_ms, error, response_body)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        deliveryId,
                        attemptNo,
                        claimToken,
                        worker,
                        utc(at),
                        outcome,
                        statusCode,
                        latencyMs,
                        error,
                        responseBody)
                .update();
    }

    /** Puts a finished delivery back in the queue with the same message id and body; false if it is being sent. */
    boolean resend(UUID id, Instant now) {
        return jdbc.sql(
                                """
                        update notifications.delivery
                        set state = 'pending', next_attempt_at = ?, round_attempts = 0, updated_at = ?
                        where id = ? and state <> 'sending'""")
                        .params(utc(now), utc(now), id)
                        .update()
                == 1;
    }

    public Optional<Delivery> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.delivery where id = ?")
                .param(id)
                .query(DeliveryStore::delivery)
                .optional();
    }

    /** The one delivery of this event over this channel to this recipient, if there is one. */
    public Optional<Delivery> find(UUID eventId, String channel, String recipient) {
        return jdbc.sql("select " + COLUMNS
                        + " from notifications.delivery where event_id = ? and channel = ? and recipient = ?")
                .params(eventId, channel, recipient)
                .query(DeliveryStore::delivery)
                .optional();
    }

    /**
     * Newest first, filtered by what is given, strictly after the position (created at, id) when one is given,
     * and only of these operation types (or about no operation) unless {@code visibleTypes} is null.
     */
    List<Delivery> list(
            @Nullable List<String> visibleTypes,
            @Nullable UUID operationId,
            @Nullable String channel,
            @Nullable String recipient,
            @Nullable String state,
            @Nullable Instant beforeCreatedAt,
            @Nullable UUID beforeId,
            int limit) {
        var sql = new StringBuilder("select " + COLUMNS + " from notifications.delivery where true");
        var params = new java.util.ArrayList<Object>();
        if (visibleTypes != null) {
            sql.append(" and (operation_type is null or operation_type = any(?))");
            params.add(visibleTypes.toArray(String[]::new));
        }
        if (operationId != null) {
            sql.append(" and operation_id = ?");
            params.add(operationId);
        }
        if (channel != null) {
            sql.append(" and channel = ?");
            params.add(channel);
        }
        if (recipient != null) {
            sql.append(" and recipient = ?");
            params.add(recipient);
        }
        if (state != null) {
            sql.append(" and state = ?");
            params.add(state);
        }
        if (beforeCreatedAt != null && beforeId != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            params.add(utc(beforeCreatedAt));
            params.add(beforeId);
        }
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(DeliveryStore::delivery)
                .list();
    }

    List<Attempt> attempts(UUID deliveryId) {
        return jdbc.sql(
                        """
                        select attempt_no, at, worker, outcome, status_code, latency_ms, error, response_body
                        from notifications.delivery_attempt where delivery_id = ? order by id""")
                .param(deliveryId)
                .query((rs, n) -> new Attempt(
                        (Integer) rs.getObject("attempt_no"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("worker"),
                        rs.getString("outcome"),
                        (Integer) rs.getObject("status_code"),
                        rs.getLong("latency_ms"),
                        rs.getString("error"),
                        rs.getString("response_body")))
                .list();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getObject("id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("operation_id", UUID.class),
                rs.getString("operation_type"),
                rs.getString("channel"),
                rs.getString("recipient"),
                rs.getString("audience"),
                rs.getString("message_id"),
                rs.getBoolean("test"),
                DeliveryState.of(rs.getString("state")),
                rs.getInt("attempts"),
                instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
                rs.getString("last_error"),
                instant(rs.getObject("sent_at", OffsetDateTime.class)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("rule_id"),
                rs.getString("sent_by_kind") == null
                        ? null
                        : new Delivery.SentBy(
                                rs.getString("sent_by_kind"), rs.getString("sent_by_id"), rs.getString("sent_by_name")),
                (Boolean) rs.getObject("edited"));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
