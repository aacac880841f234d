package org.opsdesk.exchange.ecbimport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.opsdesk.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The insert-only log of ECB imports ({@code exchange.ecb_import}): this class has no update or delete. */
@Repository
class ImportLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(ImportRecord entry, Actor actor) {
        jdbc.sql(
                        """
                        insert into exchange.ecb_import (id, origin, location, actor_kind, actor_id, actor_name,
                            started_at, file_date, outcome, reason, pairs_set, pairs_skipped)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(
                        entry.id(),
                        entry.origin(),
                        entry.location(),
                        actor.kind().code(),
                        actor.id(),
                        entry.actorName(),
                        entry.startedAt().atOffset(ZoneOffset.UTC),
                        entry.fileDate(),
                        entry.succeeded() ? "succeeded" : "failed",
                        entry.reason(),
                        json.writeValueAsString(entry.pairsSet()),
                        json.writeValueAsString(entry.pairsSkipped()))
                .update();
    }

    /** The newest {@code limit} imports, newest first. */
    List<ImportRecord> recent(int limit) {
        return jdbc.sql("select * from exchange.ecb_import order by started_at desc, id desc limit ?")
                .param(limit)
                .query((rs, n) -> entry(rs))
                .list();
    }

    private ImportRecord entry(ResultSet rs) throws SQLException {
        return new ImportRecord(
                rs.getObject("id", UUID.class),
                rs.getString("origin"),
                rs.getString("location"),
                rs.getString("actor_name"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("file_date", LocalDate.class),
                "succeeded".equals(rs.getString("outcome")),
                rs.getString("reason"),
                json.readValue(rs.getString("pairs_set"), new TypeReference<List<String>>() {}),
                json.readValue(rs.getString("pairs_skipped"), new TypeReference<List<ImportRecord.Skipped>>() {}));
    }
}
