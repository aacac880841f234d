package org.opsdesk.exports.csv;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit of exports (schema {@code exports}): a start row, committed before the first byte is sent, and an
 * outcome row once it ends. Both tables are insert-only; this class has no update or delete.
 */
@Repository
class ExportRuns {

    enum Outcome {
        COMPLETED,
        FAILED,
        CANCELLED,
        /** Not started: too many exports were running (on this node, or by this principal). */
        REFUSED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String SELECT =
            """
            select r.id, r.kind, r.channel, r.actor_kind, r.actor_id, r.actor_name, r.filter, r.bom, r.separator,
              r.started_at, o.outcome, o.row_count, o.byte_count, o.duration_ms, o.error, o.finished_at
            from exports.export_run r left join exports.export_outcome o on o.run_id = r.id""";

    private final JdbcClient jdbc;

    ExportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(UUID id, String channel, Actor actor, String filter, CsvOptions options, Instant at) {
        jdbc.sql(
                        """
                insert into exports.export_run (id, kind, channel, actor_kind, actor_id, actor_name, filter, bom,
                  separator, started_at)
                values (?, 'operations', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        channel,
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        filter,
                        options.bom(),
                        String.valueOf(options.separator()),
                        ts(at))
                .update();
    }

    void finish(UUID id, Outcome outcome, long rows, long bytes, long durationMs, @Nullable String error, Instant at) {
        jdbc.sql(
                        """
                insert into exports.export_outcome (run_id, outcome, row_count, byte_count, duration_ms, error,
                  finished_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, outcome.code(), rows, bytes, durationMs, error, ts(at))
                .update();
    }

    /**
     * Newest first, one page of {@code limit} after the cursor's position (one more row is read to know whether
     * there is a next page); {@code owner} null lists everyone's.
     */
    List<ExportRun> list(@Nullable Actor owner, Keyset.@Nullable TimeAndId after, int limit) {
        var sql = new StringBuilder(SELECT).append(" where true");
        var params = new ArrayList<Object>();
        if (owner != null) {
            sql.append(" and r.actor_kind = ? and r.actor_id = ?");
            params.add(owner.kind().code());
            params.add(owner.id());
        }
        if (after != null) {
            sql.append(" and (r.started_at, r.id) < (?, ?)");
            params.add(ts(after.at()));
            params.add(after.id());
        }
        sql.append(" order by r.started_at desc, r.id desc limit ?");
        params.add(limit + 1);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    java.util.Optional<ExportRun> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static ExportRun map(ResultSet rs) throws SQLException {
        return new ExportRun(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("channel"),
                rs.getString("actor_kind"),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("filter"),
                rs.getBoolean("bom"),
                rs.getString("separator"),
                java.util.Objects.requireNonNull(instant(rs, "started_at")),
                rs.getString("outcome"),
                rs.getObject("row_count", Long.class),
                rs.getObject("byte_count", Long.class),
                rs.getObject("duration_ms", Long.class),
                rs.getString("error"),
                instant(rs, "finished_at"));
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
