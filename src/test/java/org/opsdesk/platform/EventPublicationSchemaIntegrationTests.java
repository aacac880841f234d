package org.opsdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The migration that creates {@code platform.event_publication} keeps to the table Spring Modulith's JDBC registry
 * expects: the same columns, types, nullability and indexes as the PostgreSQL schema bundled in the Modulith jar on
 * the classpath (its schema initialisation is off, so nothing else would tell when an upgrade changes it).
 */
class EventPublicationSchemaIntegrationTests extends IntegrationTest {

    private static final String BUNDLED = "org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql";

    @Autowired
    DataSource dataSource;

    @Test
    void theMigratedTableIsTheOneModulithShips() throws Exception {
        String script = new ClassPathResource(BUNDLED).getContentAsString(StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var statement = connection.createStatement();
                statement.execute("create schema modulith_bundled");
                statement.execute("set local search_path to modulith_bundled");
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }

                assertThat(columns(connection, "platform"))
                        .isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(columns(connection, "modulith_bundled"));
                assertThat(indexes(connection, "platform"))
                        .hasSize(3)
                        .containsExactlyInAnyOrderElementsOf(indexes(connection, "modulith_bundled"));
            } finally {
                connection.rollback();
            }
        }
    }

    private static List<String> columns(Connection connection, String schema) throws SQLException {
        return strings(
                connection,
                """
                select column_name || ' ' || data_type || ' ' || is_nullable from information_schema.columns
                where table_schema = ? and table_name = 'event_publication'""",
                schema);
    }

    /** Each index's definition without its schema, so that the two compare. */
    private static List<String> indexes(Connection connection, String schema) throws SQLException {
        return strings(
                connection,
                """
                select replace(indexdef, schemaname || '.', '') from pg_indexes
                where schemaname = ? and tablename = 'event_publication'""",
                schema);
    }

    private static List<String> strings(Connection connection, String sql, String schema) throws SQLException {
        try (var query = connection.prepareStatement(sql)) {
            query.setString(1, schema);
            var rows = query.executeQuery();
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
