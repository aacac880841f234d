package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;

/** The documented production grants leave the application role unable to rewrite or delete history. */
class ProductionRolesIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationRoleCanAppendHistoryButNotChangeOrDeleteIt() throws Exception {
        String id = create(Operations.withdrawal()).get("id").asString();
        String url;
        try (Connection owner = dataSource.getConnection();
                var statement = owner.createStatement()) {
            url = owner.getMetaData().getURL().split("\\?")[0];
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = 'opsdesk_app') then "
                    + "create role opsdesk_app login password 'opsdesk-app-test'; end if; end $$");
            statement.execute(Files.readString(Path.of("docs/production-roles.sql")));
        }

        try (Connection app = DriverManager.getConnection(url, "opsdesk_app", "opsdesk-app-test");
                var statement = app.createStatement()) {
            try (var rows = statement.executeQuery(
                    "select count(*) from operations.history_entry where operation_id = '" + id + "'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> statement.executeUpdate(
                            "update operations.history_entry set reason = 'x' where operation_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "delete from operations.history_entry where operation_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThat(statement.executeUpdate(
                            "update operations.operation set assignee = 'role-check' where id = '" + id + "'"))
                    .isEqualTo(1);
            assertThat(statement.executeUpdate(
                            "insert into access.security_event (at, kind, details) values (now(), 'role_check', '{}')"))
                    .isEqualTo(1);
            assertThatThrownBy(() ->
                            statement.executeUpdate("delete from access.security_event where kind = 'role_check'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            // the client directory: clients are upserted, their consent history only grows
            assertThat(statement.executeUpdate(
                            "insert into clients.client (subject, name, locale, version, created_at, created_by,"
                                    + " updated_at, updated_by) values ('role-check-" + id + "', 'R', 'en', 1, now(),"
                                    + " 'test', now(), 'test')"))
                    .isEqualTo(1);
            assertThat(statement.executeUpdate(
                            "update clients.client set name = 'S' where subject = 'role-check-" + id + "'"))
                    .isEqualTo(1);
            assertThat(statement.executeUpdate(
                            "insert into clients.consent (subject, channel, granted, at, source, recorded_at,"
                                    + " recorded_by) values ('role-check-" + id + "', 'email', true, now(), 'test',"
                                    + " now(), 'test')"))
                    .isEqualTo(1);
            try (var rows = statement.executeQuery(
                    "select granted from clients.current_consent where subject = 'role-check-" + id + "'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBoolean(1)).isTrue();
            }
            assertThatThrownBy(() -> statement.executeUpdate(
                            "update clients.consent set granted = false where subject = 'role-check-" + id + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "delete from clients.consent where subject = 'role-check-" + id + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "delete from clients.client where subject = 'role-check-" + id + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThat(statement.executeUpdate("insert into notifications.endpoint_change (endpoint_id, at, action,"
                            + " actor_kind, actor_id, actor_name) values (gen_random_uuid(), now(), 'role_check',"
                            + " 'system', 'tests', 'tests')"))
                    .isEqualTo(1);
            assertThatThrownBy(() -> statement.executeUpdate(
                            "delete from notifications.endpoint_change where action = 'role_check'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThat(statement.executeUpdate("delete from notifications.webhook_endpoint where false"))
                    .isZero();
            assertThat(statement.executeUpdate("insert into exchange.bank_account_change (bank_account_id, at, action,"
                            + " actor_kind, actor_id, actor_name, after) values (gen_random_uuid(), now(),"
                            + " 'role_check', 'system', 'tests', 'tests', '{}')"))
                    .isEqualTo(1);
            assertThatThrownBy(() -> statement.executeUpdate(
                            "update exchange.bank_account_change set actor_name = 'x' where action = 'role_check'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from exchange.bank_account where false"))
                    .as("bank accounts are disabled, never deleted")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThat(statement.executeUpdate("update exchange.order_detail set rate = rate where false"))
                    .isZero();
            assertThatThrownBy(() ->
                            statement.executeUpdate("update exchange.order_rate_change set reason = 'x' where false"))
                    .as("an order's rate log is append-only")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(
                            () -> statement.executeUpdate("update exchange.rate_change set source = 'x' where false"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThat(statement.executeUpdate("delete from portal.email_token where false"))
                    .isZero();
            assertThatThrownBy(() -> statement.executeUpdate("delete from portal.client_event where false"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }
}
