package org.opsdesk.provider.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settlement requests and their decisions: two insert-only tables, a request without a decision is pending. */
@Repository
class SettlementStore {

    private static final String SELECT =
            """
            select r.id, r.operation_id, r.outcome, r.reason, r.maker_name, r.maker_person, r.requested_at,
                   coalesce(d.decision, 'pending') as state, d.actor_name, d.decided_at, d.reason as decision_reason
            from provider.settlement_request r
            left join provider.settlement_decision d on d.settlement_id = r.id
            """;

    /** A settlement with the maker's person, which four-eyes compares. */
    record Stored(Settlement settlement, String makerPerson) {}

    private final JdbcClient jdbc;

    SettlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID operationId, String outcome, String reason, Actor maker, Instant now) {
        jdbc.sql(
                        """
                        insert into provider.settlement_request (id, operation_id, outcome, reason, maker_kind,
                            maker_id, maker_name, maker_person, requested_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        operationId,
                        outcome,
                        reason,
                        maker.kind().code(),
                        maker.id(),
                        maker.name(),
                        maker.person(),
                        utc(now))
                .update();
    }

    /** Records the decision; false when another decision came first (the primary key refuses a second). */
    boolean decide(UUID id, String decision, @Nullable String reason, Actor actor, Instant now) {
        return jdbc.sql(
                                """
                        insert into provider.settlement_decision (settlement_id, decision, reason, actor_kind, actor_id,
                            actor_name, actor_person, decided_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (settlement_id) do nothing""")
                        .params(
                                id,
                                decision,
                                reason,
                                actor.kind().code(),
                                actor.id(),
                                actor.name(),
                                actor.person(),
                                utc(now))
                        .update()
                > 0;
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?")
                .param(id)
                .query(SettlementStore::row)
                .optional();
    }

    /** The operation's settlement waiting for a decision, if any. */
    Optional<Stored> pendingFor(UUID operationId) {
        return jdbc.sql(SELECT + " where r.operation_id = ? and d.settlement_id is null")
                .param(operationId)
                .query(SettlementStore::row)
                .optional();
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        var decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new Stored(
                new Settlement(
                        rs.getObject("id", UUID.class),
                        rs.getObject("operation_id", UUID.class),
                        rs.getString("outcome"),
                        rs.getString("reason"),
                        rs.getString("state"),
                        rs.getString("maker_name"),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor_name"),
                        decidedAt == null ? null : decidedAt.toInstant(),
                        rs.getString("decision_reason")),
                rs.getString("maker_person"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
