package org.opsdesk.banking.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.imports.ImportResult.StoredStatement;
import org.opsdesk.shared.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads imports: one with its statements (progress while it runs), and the latest ones, newest first. */
@Service
public class ImportQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            """
            id, state, format, variant, file_name, file_size, statements_read, entries_stored, entries_new,
            entries_duplicate, entries_matched, warnings::text as warnings, refusal->>'detail' as refusal,
            created_by_name, started_at, finished_at, read_millis, store_millis, match_millis""";

    private final JdbcClient jdbc;

    ImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The import with the statements it read. */
    @Transactional(readOnly = true)
    public Optional<ImportView> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from banking.statement_import where id = ?")
                .param(id)
                .query((rs, row) -> view(rs, statements(id)))
                .optional();
    }

    /** The imports after {@code after} (from the newest when null), newest first, without their statements. */
    @Transactional(readOnly = true)
    public List<ImportView> recent(Keyset.@Nullable TimeAndId after, int limit) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + """
                         from banking.statement_import
                        where cast(:before as timestamptz) is null or (started_at, id) < (:before, :beforeId)
                        order by started_at desc, id desc limit :limit""")
                .param("before", after == null ? null : Timestamp.from(after.at()))
                .param("beforeId", after == null ? null : after.id())
                .param("limit", limit)
                .query((rs, row) -> view(rs, List.of()))
                .list();
    }

    private List<StoredStatement> statements(UUID importId) {
        return jdbc.sql(
                        """
                        select s.id, s.bank_account_id, s.account_identifier, s.statement_id, s.sequence, s.from_date,
                               s.to_date, s.currency, s.opening_balance, s.closing_balance, l.entries_total,
                               l.entries_new, l.first_import
                          from banking.import_statement l join banking.statement s on s.id = l.statement_ref
                         where l.import_id = ? order by l.position""")
                .param(importId)
                .query((rs, row) -> new StoredStatement(
                        rs.getObject("id", UUID.class),
                        rs.getObject("bank_account_id", UUID.class),
                        rs.getString("account_identifier"),
                        rs.getString("statement_id"),
                        rs.getString("sequence"),
                        rs.getObject("from_date", java.time.LocalDate.class),
                        rs.getObject("to_date", java.time.LocalDate.class),
                        rs.getString("currency"),
                        rs.getBigDecimal("opening_balance"),
                        rs.getBigDecimal("closing_balance"),
                        rs.getInt("entries_total"),
                        rs.getInt("entries_new"),
                        rs.getBoolean("first_import")))
                .list();
    }

    private static ImportView view(ResultSet rs, List<StoredStatement> statements) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportView(
                rs.getObject("id", UUID.class),
                rs.getString("state"),
                rs.getString("format"),
                rs.getString("variant"),
                rs.getString("file_name"),
                rs.getLong("file_size"),
                rs.getInt("statements_read"),
                rs.getInt("entries_stored"),
                rs.getInt("entries_new"),
                rs.getInt("entries_duplicate"),
                rs.getInt("entries_matched"),
                JSON.readValue(rs.getString("warnings"), new TypeReference<List<ImportWarning>>() {}),
                rs.getString("refusal"),
                rs.getString("created_by_name"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                new PhaseTimes(
                        rs.getObject("read_millis", Integer.class),
                        rs.getObject("store_millis", Integer.class),
                        rs.getObject("match_millis", Integer.class)),
                statements);
    }
}
