package org.opsdesk.banking.mappings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.banking.BankingPermissions;
import org.opsdesk.banking.formats.CsvMapping;
import org.opsdesk.shared.Actor;
import org.opsdesk.shared.InvalidInput;
import org.opsdesk.shared.PermissionDenied;
import org.opsdesk.shared.ProblemException.FieldError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The banks' saved CSV mappings: saved once (checked whole; a change is a new mapping, so an import always names the
 * mapping it was read with), listed for the cashier to choose, and turned into the reader's {@link CsvMapping}.
 */
@Service
public class StatementMappings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, name, bank_name, mapping::text as mapping, created_by_name, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    StatementMappings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Saves a mapping under a new name; refused naming each field that cannot be read. */
    @Transactional
    public SavedMapping save(@Nullable String name, @Nullable String bankName, MappingFields fields, Actor actor) {
        if (!actor.may(BankingPermissions.STATEMENTS)) {
            throw new PermissionDenied(BankingPermissions.STATEMENTS);
        }
        List<FieldError> errors = refusals(name, bankName, fields);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql(
                            """
                            insert into banking.statement_mapping (id, name, bank_name, mapping, created_by_kind,
                                created_by_id, created_by_name, created_at)
                            values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
                    .params(
                            id,
                            name.strip(),
                            bankName.strip(),
                            JSON.writeValueAsString(fields),
                            actor.kind().code(),
                            actor.id(),
                            actor.name(),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw InvalidInput.of("name", "another mapping has this name");
        }
        return find(id).orElseThrow();
    }

    /**
     * Every field a save of these values would refuse, with its reason (the name and bank, and what the reader
     * could not use); empty when it would be saved — unless another mapping has the name meanwhile.
     */
    public List<FieldError> refusals(@Nullable String name, @Nullable String bankName, MappingFields fields) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            errors.add(new FieldError("name", "is required, at most 100 characters"));
        }
        if (bankName == null || bankName.isBlank() || bankName.strip().length() > 140) {
            errors.add(new FieldError("bankName", "is required, at most 140 characters"));
        }
        try {
            fields.toCsvMapping(); // refuses what the reader could not use
        } catch (InvalidInput refused) {
            errors.addAll(refused.errors());
        }
        return errors;
    }

    @Transactional(readOnly = true)
    public Optional<SavedMapping> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from banking.statement_mapping where id = ?")
                .param(id)
                .query(StatementMappings::row)
                .optional();
    }

    /** Every mapping, by bank and name (a handful per bank: no paging needed). */
    @Transactional(readOnly = true)
    public List<SavedMapping> all() {
        return jdbc.sql("select " + COLUMNS + " from banking.statement_mapping order by bank_name, name, id limit 1000")
                .query(StatementMappings::row)
                .list();
    }

    /** The reader's mapping saved as {@code id}; null for null; refused on {@code field} when there is none. */
    public @Nullable CsvMapping csv(@Nullable UUID id, String field) {
        if (id == null) {
            return null;
        }
        return find(id).orElseThrow(() -> InvalidInput.of(field, "no saved CSV mapping has this id"))
                .fields()
                .toCsvMapping();
    }

    private static SavedMapping row(ResultSet rs, int row) throws SQLException {
        return new SavedMapping(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("bank_name"),
                JSON.readValue(rs.getString("mapping"), MappingFields.class),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
