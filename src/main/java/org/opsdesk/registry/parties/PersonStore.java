package org.opsdesk.registry.parties;

import static org.opsdesk.registry.records.SoftDeletes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opsdesk.registry.records.RegistryAction;
import org.opsdesk.registry.records.Stamp;
import org.opsdesk.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persons in {@code registry.person}; reads see live rows only. */
@Repository
public class PersonStore extends PartyStore<Person> {

    private static final String COLUMNS = "id, name, document_type, document_number, birth_date, address, email,"
            + " phone, monthly_income, income_currency, subject, version, created_at, created_by, updated_at,"
            + " updated_by";

    PersonStore(JdbcClient jdbc) {
        super(jdbc, "registry.person", COLUMNS, PersonStore::person);
    }

    /**
     * Inserts a person; false when a live person has the same document (a concurrent creation won). {@code on
     * conflict} rather than a caught unique violation, which would abort the caller's transaction — the one that
     * also records the action's outcome.
     */
    public boolean insert(Person person) {
        return jdbc.sql("insert into registry.person (" + COLUMNS
                                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"
                                + " on conflict (document_type, document_number) where deleted_at is null do nothing")
                        .params(
                                person.id(),
                                person.name(),
                                person.documentType(),
                                person.documentNumber(),
                                person.birthDate(),
                                person.address(),
                                person.email(),
                                person.phone(),
                                amount(person.monthlyIncome()),
                                currency(person.monthlyIncome()),
                                person.subject(),
                                ts(person.createdAt()),
                                person.createdBy(),
                                ts(person.updatedAt()),
                                person.updatedBy())
                        .update()
                == 1;
    }

    /** Writes the changeable fields of a locked person and moves its version on. */
    public void update(Person person, Stamp stamp) {
        jdbc.sql(
                        """
                        update registry.person set name = ?, birth_date = ?, address = ?, email = ?, phone = ?,
                            monthly_income = ?, income_currency = ?, version = version + 1, updated_at = ?,
                            updated_by = ?
                        where id = ? and deleted_at is null""")
                .params(
                        person.name(),
                        person.birthDate(),
                        person.address(),
                        person.email(),
                        person.phone(),
                        amount(person.monthlyIncome()),
                        currency(person.monthlyIncome()),
                        ts(stamp.at()),
                        stamp.by(),
                        person.id())
                .update();
    }

    private static java.math.@Nullable BigDecimal amount(@Nullable Money money) {
        return money == null ? null : money.amount();
    }

    private static @Nullable String currency(@Nullable Money money) {
        return money == null ? null : money.currency().code();
    }

    static Person person(ResultSet rs, int row) throws SQLException {
        var income = rs.getBigDecimal("monthly_income");
        var birth = rs.getObject("birth_date", java.time.LocalDate.class);
        return new Person(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("document_type"),
                rs.getString("document_number"),
                birth,
                rs.getString("address"),
                rs.getString("email"),
                rs.getString("phone"),
                income == null ? null : new Money(income, RegistryAction.BRL),
                rs.getString("subject"),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }
}
