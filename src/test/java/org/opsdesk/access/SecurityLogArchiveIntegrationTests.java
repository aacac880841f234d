package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The security log's retention path: the owner role moves old entries into the archive with
 * {@code access.archive_security_events}; under the documented production grants the application role can neither
 * run it nor delete from the log or the archive.
 */
class SecurityLogArchiveIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theOwnerArchivesOldEntriesAndTheApplicationRoleCannotDeleteOrArchive() throws Exception {
        String kind = "archive_check_" + UUID.randomUUID().toString().substring(0, 8);
        String url;
        try (Connection owner = dataSource.getConnection();
                var statement = owner.createStatement()) {
            url = owner.getMetaData().getURL().split("\\?")[0];
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'opsdesk_app') then "
                    + "create role opsdesk_app login password 'opsdesk-app-test'; end if; end $$");
            statement.execute(Files.readString(Path.of("docs/production-roles.sql")));
            statement.executeUpdate("insert into access.security_event (at, kind, target, details) values"
                    + " (now() - interval '3 years', '" + kind + "', 'old', '{}'),"
                    + " (now() - interval '3 years', '" + kind + "', 'old', '{}'),"
                    + " (now(), '" + kind + "', 'recent', '{}')");

            try (var moved = statement.executeQuery(
                    "select access.archive_security_events(now() - interval '2 years', 100000)")) {
                moved.next();
                assertThat(moved.getLong(1)).isGreaterThanOrEqualTo(2);
            }
            assertThat(targets(statement, "access.security_event", kind)).isEqualTo("recent");
            assertThat(targets(statement, "access.security_event_archive", kind))
                    .isEqualTo("old,old");
            assertThatThrownBy(() ->
                            statement.executeUpdate("delete from access.security_event where kind = '" + kind + "'"))
                    .as("outside the archive function the log stays append-only, even for the owner")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }

        try (Connection app = DriverManager.getConnection(url, "opsdesk_app", "opsdesk-app-test");
                var statement = app.createStatement()) {
            assertThat(targets(statement, "access.security_event_archive", kind))
                    .isEqualTo("old,old");
            assertThatThrownBy(() -> statement.executeQuery("select access.archive_security_events(now(), 100000)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() ->
                            statement.executeUpdate("delete from access.security_event where kind = '" + kind + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "delete from access.security_event_archive where kind = '" + kind + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "set opsdesk.archiving_security_log = 'on'; delete from access.security_event"))
                    .as("the archive switch does not help without the privilege")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    private static String targets(java.sql.Statement statement, String table, String kind) throws SQLException {
        try (var rows = statement.executeQuery(
                "select string_agg(target, ',' order by target) from " + table + " where kind = '" + kind + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
