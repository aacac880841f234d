package org.opsdesk.registry.parties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.records.PartyListing;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the stores of persons and companies read alike, each over its own table: a live party by id (as it is, or
 * locked), whether a live party holds a document, and the API's keyset pages ({@link PartyListing}). Reads see live
 * rows only. Each store adds its columns, row mapping and writes.
 */
public abstract class PartyStore<P extends Party> {

    protected final JdbcClient jdbc;
    private final String table;
    private final String select;
    private final RowMapper<P> mapper;

    /**
     * @param table the table, qualified by its schema
     * @param columns the columns {@code mapper} reads
     */
    PartyStore(JdbcClient jdbc, String table, String columns, RowMapper<P> mapper) {
        this.jdbc = jdbc;
        this.table = table;
        this.select = "select " + columns + " from " + table;
        this.mapper = mapper;
    }

    public Optional<P> find(UUID id) {
        return jdbc.sql(select + " where id = ? and deleted_at is null")
                .param(id)
                .query(mapper)
                .optional();
    }

    /** The live party, its row locked until the transaction ends (an action applies one change at a time). */
    public Optional<P> lock(UUID id) {
        return jdbc.sql(select + " where id = ? and deleted_at is null for update")
                .param(id)
                .query(mapper)
                .optional();
    }

    /** Whether a live party has this document. */
    public boolean documentTaken(String documentType, String documentNumber) {
        return jdbc.sql("select exists (select 1 from " + table + " where document_type = ? and document_number = ?"
                        + " and deleted_at is null)")
                .params(documentType, documentNumber)
                .query(Boolean.class)
                .single();
    }

    /** A page of live parties; see {@link PartyListing} for the order and the cursor. */
    List<P> page(@Nullable String name, @Nullable String documentNumber, @Nullable String cursor, int n) {
        var sql = new StringBuilder(select + " where deleted_at is null");
        var params = new ArrayList<Object>();
        PartyListing.append(sql, params, name, documentNumber, cursor, n);
        return jdbc.sql(sql.toString()).params(params).query(mapper).list();
    }
}
