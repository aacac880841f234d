package org.opsdesk.registry.documents;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Documents in {@code registry.document}, their bytes in the row (bytea, at most 10 MiB by the table's check). */
@Repository
public class DocumentStore {

    private static final String COLUMNS =
            "id, account_id, file_name, content_type, size_bytes, sha256, created_at, created_by";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Document> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from registry.document where id = ? and deleted_at is null")
                .param(id)
                .query(DocumentStore::document)
                .optional();
    }

    Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content from registry.document where id = ? and deleted_at is null")
                .param(id)
                .query(byte[].class)
                .optional();
    }

    public List<Document> of(UUID accountId, Keyset.@Nullable TimeAndId after, int n) {
        return after == null
                ? jdbc.sql("select " + COLUMNS + " from registry.document where account_id = ? and deleted_at is null"
                                + " order by created_at desc, id desc limit ?")
                        .params(accountId, n)
                        .query(DocumentStore::document)
                        .list()
                : jdbc.sql("select " + COLUMNS + " from registry.document where account_id = ? and deleted_at is null"
                                + " and (created_at, id) < (?, ?) order by created_at desc, id desc limit ?")
                        .params(accountId, ts(after.at()), after.id(), n)
                        .query(DocumentStore::document)
                        .list();
    }

    void insert(Document document, byte[] content) {
        jdbc.sql("insert into registry.document (" + COLUMNS + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        document.id(),
                        document.accountId(),
                        document.fileName(),
                        document.contentType(),
                        document.sizeBytes(),
                        document.sha256(),
                        ts(document.createdAt()),
                        document.createdBy(),
                        content)
                .update();
    }

    static Document document(ResultSet rs, int row) throws SQLException {
        return new Document(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getInt("size_bytes"),
                rs.getString("sha256"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
