package org.opsdesk.registry.parties;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.records.PartyListing;
import org.opsdesk.registry.records.Stamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Companies in {@code registry.company}; reads see live rows only. */
@Repository
public class CompanyStore {

    private static final String COLUMNS = "id, name, document_type, document_number, address, subject, version,"
            + " created_at, created_by, updated_at, updated_by";

    private final JdbcClient jdbc;
    private final PartyRows<Company> rows;

    CompanyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = new PartyRows<>(jdbc, "registry.company", COLUMNS, CompanyStore::company);
    }

    public Optional<Company> find(UUID id) {
        return rows.find(id);
    }

    public Optional<Company> lock(UUID id) {
        return rows.lock(id);
    }

    public boolean documentTaken(String documentType, String documentNumber) {
        return rows.documentTaken(documentType, documentNumber);
    }

    /** Inserts a company; false when a live company has the same document (see {@link PersonStore#insert}). */
    public boolean insert(Company company) {
        return jdbc.sql("insert into registry.company (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"
                                + " on conflict (document_type, document_number) where deleted_at is null do nothing")
                        .params(
                                company.id(),
                                company.name(),
                                company.documentType(),
                                company.documentNumber(),
                                company.address(),
                                company.subject(),
                                ts(company.createdAt()),
                                company.createdBy(),
                                ts(company.updatedAt()),
                                company.updatedBy())
                        .update()
                == 1;
    }

    /** Renames a live company (the account's edit-name action on a business holder). */
    public void rename(UUID id, String name, Stamp stamp) {
        jdbc.sql("update registry.company set name = ?, version = version + 1, updated_at = ?, updated_by = ?"
                        + " where id = ? and deleted_at is null")
                .params(name, ts(stamp.at()), stamp.by(), id)
                .update();
    }

    /** A page of live companies; see {@link PartyListing} for the order and the cursor. */
    List<Company> page(@Nullable String name, @Nullable String documentNumber, @Nullable String cursor, int n) {
        return rows.page(name, documentNumber, cursor, n);
    }

    static Company company(ResultSet rs, int row) throws SQLException {
        return new Company(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("document_type"),
                rs.getString("document_number"),
                rs.getString("address"),
                rs.getString("subject"),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }
}
