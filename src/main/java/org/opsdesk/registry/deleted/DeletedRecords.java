package org.opsdesk.registry.deleted;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.records.RecordKind;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The soft-deleted records of every kind, newest deletion first, with who deleted them, when and why. */
@Repository
class DeletedRecords {

    private final JdbcClient jdbc;

    DeletedRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One deleted record as the deleted-records page lists it. */
    record Deleted(String kind, UUID id, String label, Instant deletedAt, String deletedBy, @Nullable String reason) {}

    /**
     * A page over the kinds asked for: each kind's own index gives its newest {@code n} after the position, and the
     * union keeps the newest {@code n} of those.
     */
    List<Deleted> page(List<RecordKind> kinds, Keyset.@Nullable TimeAndId after, int n) {
        var parts = new ArrayList<String>();
        var params = new ArrayList<Object>();
        for (RecordKind kind : kinds) {
            parts.add(
                    "(select '" + kind.kind() + "' as kind, id, " + kind.label() + " as label, deleted_at, deleted_by,"
                            + " delete_reason from " + kind.table() + " where deleted_at is not null"
                            + (after == null ? "" : " and (deleted_at, id) < (?, ?)")
                            + " order by deleted_at desc, id desc limit ?)");
            if (after != null) {
                params.add(ts(after.at()));
                params.add(after.id());
            }
            params.add(n);
        }
        params.add(n);
        return jdbc.sql("select * from (" + String.join(" union all ", parts)
                        + ") deleted order by deleted_at desc, id desc limit ?")
                .params(params)
                .query(DeletedRecords::deleted)
                .list();
    }

    Optional<Deleted> find(RecordKind kind, UUID id) {
        return jdbc.sql("select '" + kind.kind() + "' as kind, id, " + kind.label() + " as label, deleted_at,"
                        + " deleted_by, delete_reason from " + kind.table()
                        + " where id = ? and deleted_at is not null")
                .param(id)
                .query(DeletedRecords::deleted)
                .optional();
    }

    private static Deleted deleted(ResultSet rs, int row) throws SQLException {
        return new Deleted(
                rs.getString("kind"),
                rs.getObject("id", UUID.class),
                rs.getString("label"),
                rs.getObject("deleted_at", OffsetDateTime.class).toInstant(),
                rs.getString("deleted_by"),
                rs.getString("delete_reason"));
    }
}
