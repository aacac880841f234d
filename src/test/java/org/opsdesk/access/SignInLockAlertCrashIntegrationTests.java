package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsdesk.support.AppProcess;

/**
 * The node that set a sign-in lock dies ({@code kill -9}) after the lock committed and before its listener stored
 * the alert: the publication the lock's transaction wrote outlives it, and the next node (the same data, a restart)
 * resubmits it and stores the alert once. Failed before the event publication registry: the alert was lost.
 */
class SignInLockAlertCrashIntegrationTests {

    private static final String ADMIN_PASSWORD = "lock-alert-crash-admin-password";

    @TempDir
    Path temp;

    private Map<String, String> environment;

    @Test
    void anAlertTheDeadNodeStillOwedIsStoredOnceByTheNextNode() throws Exception {
        environment = environment();
        try (var first = AppProcess.start(environment, temp.resolve("first.log"))) {
            try (Connection blocker = database(first)) {
                // the listener's insert of the delivery waits behind this lock until the node is gone
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("lock table notifications.delivery in share mode");

                var attacker = new ConsoleClient(URI.create(first.baseUrl()).getPort(), "203.0.113.7");
                attacker.get("/login");
                for (int i = 0; i < 10; i++) {
                    attacker.post("/login", "username", "admin", "password", "wrong " + i);
                }
                assertThat(count(blocker, "select count(*) from platform.event_publication"))
                        .as("written with the lock")
                        .isEqualTo(1);

                first.kill9();
                blocker.rollback();
                assertThat(count(blocker, "select count(*) from platform.event_publication"))
                        .isEqualTo(1);
                assertThat(count(blocker, ALERTS)).isZero();
            }
        }

        try (var second = AppProcess.start(environment, temp.resolve("second.log"));
                Connection connection = database(second)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count(connection, "select count(*) from platform.event_publication") == 0);
            assertThat(count(connection, ALERTS)).as("one alert").isEqualTo(1);
        }
    }

    private static final String ALERTS =
            "select count(*) from notifications.delivery where event_type = 'access.sign_in_locked'";

    private Map<String, String> environment() {
        var environment = new HashMap<>(Map.of(
                "OPSDESK_DATA_DIR", temp.resolve("data").toString(),
                "OPSDESK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "OPSDESK_DEMO", "false",
                "OPSDESK_ALERT_MAILBOX", "ops-alerts@example.com",
                // publications a second old are resubmitted, looked for every second (a minute in production)
                "OPSDESK_EVENTS_RESUBMIT_AFTER", "PT1S",
                "OPSDESK_EVENTS_RESUBMIT_INTERVAL", "PT1S",
                // ten failures in a row without the progressive delay between them
                "SPRING_APPLICATION_JSON", "{\"opsdesk.sign-in.delay-after\": 100}"));
        if (AppProcess.usesExternalDatabase()) {
            environment.put("SPRING_DATASOURCE_URL", AppProcess.freshExternalDatabase("lock_alert_crash"));
        }
        return environment;
    }

    private Connection database(AppProcess node) throws SQLException {
        return AppProcess.usesExternalDatabase()
                ? DriverManager.getConnection(
                        environment.get("SPRING_DATASOURCE_URL"),
                        System.getProperty("opsdesk.test.datasource.username", "postgres"),
                        System.getProperty("opsdesk.test.datasource.password", ""))
                : DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + node.embeddedDatabasePort() + "/opsdesk", "postgres", "");
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
