package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;

/** The history is append-only in the database and tampering is detected; a failed change leaves no trace. */
class HistoryIntegrityIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void reportsTheFirstTamperedEntry() throws Exception {
        String id = create(Operations.withdrawal()).get("id").asString();
        transition(id, "under_review", null);
        transition(id, "rejected", "name mismatch");

        // An attacker with superuser rights bypasses the append-only trigger and rewrites the reason.
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute(
                    "update operations.history_entry set reason = 'approved by manager' where operation_id = '" + id
                            + "' and seq = 3");
            statement.execute("set session_replication_role = origin");
        }

        var verification =
                api().get("/api/v1/operations/" + id + "/history/verify").json();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenEntry").asLong()).isEqualTo(3);
        assertThat(verification.get("entries").asInt()).isEqualTo(3);
    }

    @Test
    void detectsARemovedEntry() throws Exception {
        String id = create(Operations.withdrawal()).get("id").asString();
        transition(id, "under_review", null);

        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("delete from operations.history_entry where operation_id = '" + id + "' and seq = 2");
            statement.execute("set session_replication_role = origin");
        }

        var verification =
                api().get("/api/v1/operations/" + id + "/history/verify").json();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenEntry").asLong()).isEqualTo(2);
    }

    @Test
    void refusesUpdateAndDeleteOfHistoryThroughTheApplicationsConnection() {
        String id = create(Operations.withdrawal()).get("id").asString();
        UUID operationId = UUID.fromString(id);

        assertThatThrownBy(() -> jdbc.sql("update operations.history_entry set reason = 'x' where operation_id = ?")
                        .param(operationId)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from operations.history_entry where operation_id = ?")
                        .param(operationId)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(api().get("/api/v1/operations/" + id + "/history/verify")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aFailureAfterTheHistoryInsertLeavesNoTrace() {
        String id = create(Operations.withdrawal()).get("id").asString();
        UUID operationId = UUID.fromString(id);
        long outboxBefore = outboxRows(operationId);
        // Inject a failure in the last write of the transaction, after the row update and the history insert.
        String trigger = "fail_outbox_" + id.replace("-", "");
        jdbc.sql("create function operations." + trigger + "() returns trigger language plpgsql as $$ begin "
                        + "if new.operation_id = '" + id
                        + "' then raise exception 'injected failure'; end if; return new; end; $$")
                .update();
        jdbc.sql("create trigger " + trigger
                        + " before insert on operations.outbox for each row execute function operations." + trigger
                        + "()")
                .update();
        try {
            var response = transition(id, "under_review", null);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("injected failure"); // no internals leak
        } finally {
            jdbc.sql("drop trigger " + trigger + " on operations.outbox").update();
            jdbc.sql("drop function operations." + trigger + "()").update();
        }

        var operation = api().get("/api/v1/operations/" + id).json();
        assertThat(operation.get("stage").asString()).isEqualTo("requested");
        assertThat(operation.get("version").asLong()).isEqualTo(1);
        assertThat(api().get("/api/v1/operations/" + id + "/history").json().get("items"))
                .hasSize(1);
        assertThat(outboxRows(operationId)).isEqualTo(outboxBefore);
        assertThat(api().get("/api/v1/operations/" + id + "/history/verify")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
        // and the same move succeeds once the fault is gone
        assertThat(transition(id, "under_review", null).status()).isEqualTo(200);
    }

    private long outboxRows(UUID operationId) {
        return jdbc.sql("select count(*) from operations.outbox where operation_id = ?")
                .param(operationId)
                .query(Long.class)
                .single();
    }
}
