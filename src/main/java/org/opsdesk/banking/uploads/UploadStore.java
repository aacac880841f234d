package org.opsdesk.banking.uploads;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.Permissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of uploaded statement files: stored, claimed by one node at a time, ended, their bytes let go. */
@Repository
class UploadStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            """
            id, state, file_name, file_size, bank_account_id, mapping_id, import_id, refusal::text as refusal,
            attempts, uploaded_by_name, uploaded_at, finished_at""";

    /** A file to be stored, with who uploaded it. */
    record NewUpload(
            UUID id,
            byte[] content,
            byte[] sha256,
            @Nullable String fileName,
            @Nullable UUID bankAccountId,
            @Nullable UUID mappingId,
            Actor actor,
            Instant at) {}

    /** An upload a node took: the file, how to read it, as whom, and the import of an earlier attempt if any. */
    record Claimed(
            UUID id,
            byte[] content,
            @Nullable String fileName,
            @Nullable UUID bankAccountId,
            @Nullable UUID mappingId,
            Actor actor,
            UUID importId,
            @Nullable UUID previousImportId,
            int attempts) {}

    private final JdbcClient jdbc;

    UploadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewUpload upload) {
        Actor actor = upload.actor();
        jdbc.sql(
                        """
                        insert into banking.statement_upload (id, content, file_sha256, file_name, file_size,
                            bank_account_id, mapping_id, uploaded_by_kind, uploaded_by_id, uploaded_by_name,
                            uploaded_by_person, uploaded_by_permissions, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        upload.id(),
                        upload.content(),
                        upload.sha256(),
                        upload.fileName(),
                        upload.content().length,
                        upload.bankAccountId(),
                        upload.mappingId(),
                        actor.kind().code(),
                        actor.id(),
                        actor.name(),
                        actor.person(),
                        actor.permissions().granted().toArray(String[]::new),
                        Timestamp.from(upload.at()))
                .update();
    }

    /**
     * Takes the oldest upload waiting, or running on a node whose lease ran out, for {@code node} until {@code
     * leaseUntil}; the rows another node holds locked are skipped, so two nodes never take the same one.
     */
    Optional<Claimed> claim(String node, UUID importId, Instant now, Instant leaseUntil) {
        return jdbc.sql(
                        """
                        with due as (
                          select id, import_id as previous from banking.statement_upload
                           where state = 'WAITING' or (state = 'RUNNING' and lease_until < :now)
                           order by uploaded_at limit 1
                           for update skip locked)
                        update banking.statement_upload u
                           set state = 'RUNNING', claimed_by = :node, lease_until = :lease, import_id = :importId,
                               attempts = attempts + 1
                          from due where u.id = due.id
                        returning u.id, u.content, u.file_name, u.bank_account_id, u.mapping_id, u.uploaded_by_kind,
                                  u.uploaded_by_id, u.uploaded_by_name, u.uploaded_by_person,
                                  u.uploaded_by_permissions, u.import_id, due.previous, u.attempts""")
                .param("now", Timestamp.from(now))
                .param("node", node)
                .param("lease", Timestamp.from(leaseUntil))
                .param("importId", importId)
                .query(UploadStore::claimed)
                .optional();
    }

    /** Keeps the lease of an upload this node is importing; false when another node has taken it over. */
    boolean renew(UUID id, String node, Instant leaseUntil) {
        return jdbc.sql(
                                """
                        update banking.statement_upload set lease_until = ?
                         where id = ? and claimed_by = ? and state = 'RUNNING'""")
                        .params(Timestamp.from(leaseUntil), id, node)
                        .update()
                == 1;
    }

    void done(UUID id, String node, Instant at) {
        end(id, node, "DONE", null, at);
    }

    void refuse(UUID id, String node, UploadRefusal refusal, Instant at) {
        end(id, node, "REFUSED", JSON.writeValueAsString(refusal), at);
    }

    private void end(UUID id, String node, String state, @Nullable String refusal, Instant at) {
        jdbc.sql(
                        """
                        update banking.statement_upload
                           set state = ?, refusal = cast(? as jsonb), finished_at = ?, lease_until = null
                         where id = ? and claimed_by = ? and state = 'RUNNING'""")
                .params(state, refusal, Timestamp.from(at), id, node)
                .update();
    }

    /** Lets go of the bytes of the uploads that ended before {@code before}; how many. */
    int forgetContent(Instant before) {
        return jdbc.sql(
                        """
                        update banking.statement_upload set content = null
                         where content is not null and finished_at is not null and finished_at <= ?""")
                .param(Timestamp.from(before))
                .update();
    }

    Optional<UploadView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from banking.statement_upload where id = ?")
                .param(id)
                .query(UploadStore::view)
                .optional();
    }

    List<UploadView> recent(int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from banking.statement_upload order by uploaded_at desc, id desc limit ?")
                .param(limit)
                .query(UploadStore::view)
                .list();
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        Array granted = rs.getArray("uploaded_by_permissions");
        var actor = new Actor(
                Actor.Kind.valueOf(rs.getString("uploaded_by_kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("uploaded_by_id"),
                rs.getString("uploaded_by_name"),
                new Permissions(Set.of((String[]) granted.getArray())),
                rs.getString("uploaded_by_person"));
        return new Claimed(
                rs.getObject("id", UUID.class),
                rs.getBytes("content"),
                rs.getString("file_name"),
                rs.getObject("bank_account_id", UUID.class),
                rs.getObject("mapping_id", UUID.class),
                actor,
                rs.getObject("import_id", UUID.class),
                rs.getObject("previous", UUID.class),
                rs.getInt("attempts"));
    }

    private static UploadView view(ResultSet rs, int row) throws SQLException {
        String refusal = rs.getString("refusal");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new UploadView(
                rs.getObject("id", UUID.class),
                rs.getString("state"),
                rs.getString("file_name"),
                rs.getLong("file_size"),
                rs.getObject("bank_account_id", UUID.class),
                rs.getObject("mapping_id", UUID.class),
                rs.getObject("import_id", UUID.class),
                refusal == null ? null : JSON.readValue(refusal, UploadRefusal.class),
                rs.getInt("attempts"),
                rs.getString("uploaded_by_name"),
                rs.getTimestamp("uploaded_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
