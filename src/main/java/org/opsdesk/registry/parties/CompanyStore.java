package org.opsdesk.registry.parties;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.opsdesk.registry.records.Stamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Companies in {@code registry.company}; reads see live rows only. */
@Repository
public class CompanyStore extends PartyStore<Company> {

    private static final String COLUMNS = "id, name, document_type, document_number, address, subject, version,"
            + " created_at, created_by, updated_at, updated_by";

    CompanyStore(JdbcClient jdbc) {
        super(jdbc, "registry.company", COLUMNS, CompanyStore::company);
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
