package org.opsdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.outbox.OutboxRetention;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Relayed outbox events past the retention time are removed; each operation's newest event of each type (status
 * change, attribute edit) and younger events stay, and the operation's current stage still offers its manual notifications.
 */
class OutboxRetentionIntegrationTests extends IntegrationTest {

    @Autowired
    OutboxRetention retention;

    @Test
    void removesOldRelayedEventsButKeepsEachOperationsNewestAndYoungerEvents() {
        String worked = create(Operations.withdrawal()).get("id").asString();
        transition(worked, "under_review", null);
        transition(worked, "rejected", "documents do not match");
        String untouched = create(Operations.withdrawal()).get("id").asString();
        awaitRelayed(worked);
        awaitRelayed(untouched);
        clock().advance(Duration.ofSeconds(1));
        Instant cutoff = clock().instant();
        clock().advance(Duration.ofSeconds(1));
        String young = create(Operations.withdrawal()).get("id").asString();
        transition(young, "under_review", null);
        awaitRelayed(young);

        long removed = retention.purgeRelayedBefore(cutoff);

        assertThat(removed).isGreaterThanOrEqualTo(2);
        assertThat(stagesInTheOutbox(worked)).as("only the newest event").containsExactly("rejected");
        assertThat(stagesInTheOutbox(untouched))
                .as("its only event is its newest")
                .containsExactly("requested");
        assertThat(stagesInTheOutbox(young))
                .as("events after the cutoff stay")
                .containsExactly("requested", "under_review");
        var offers = api().get("/api/v1/operations/" + worked + "/notifications/offers");
        assertThat(offers.status()).isEqualTo(200);
        assertThat(offers.json().get("stage").asString()).isEqualTo("rejected");
        assertThat(offers.json().get("eventId").isNull())
                .as("the newest change is still there")
                .isFalse();
        assertThat(jdbc.sql("select count(*) from operations.history_entry where operation_id = ?::uuid")
                        .param(worked)
                        .query(Long.class)
                        .single())
                .as("the history keeps every change")
                .isEqualTo(3);
        assertThat(retention.purgeRelayedBefore(cutoff))
                .as("nothing more to remove")
                .isZero();
    }

    @Test
    void keepsTheNewestStatusChangeAndTheNewestAttributeEditOfEachOperation() {
        String id = create(Operations.withdrawal()).get("id").asString();
        transition(id, "under_review", null);
        assertThat(editAttributes(id, "{\"note\":\"first\"}").status()).isEqualTo(200);
        assertThat(editAttributes(id, "{\"note\":\"second\"}").status()).isEqualTo(200);
        assertThat(editAttributes(id, "{\"note\":\"second\"}").status())
                .isEqualTo(200); // changes no value: recorded, not announced
        awaitRelayed(id);
        clock().advance(Duration.ofSeconds(1));
        Instant cutoff = clock().instant();

        retention.purgeRelayedBefore(cutoff);

        assertThat(jdbc.sql(
                                """
                                select event_type || ':' || coalesce(payload->>'toStage',
                                  payload->'operation'->>'attributesJson')
                                from operations.outbox where operation_id = ?::uuid order by id""")
                        .param(id)
                        .query(String.class)
                        .list())
                .as("the later edit did not push the status change out")
                .containsExactly(
                        "operation.status_changed:under_review", "operation.attributes_changed:{\"note\":\"second\"}");
        var offers =
                api().get("/api/v1/operations/" + id + "/notifications/offers").json();
        assertThat(offers.get("stage").asString()).isEqualTo("under_review");
        assertThat(offers.get("eventId").asString())
                .as("what its stage offers is still the change that brought it there")
                .isEqualTo(jdbc.sql("select event_id::text from operations.outbox where operation_id = ?::uuid"
                                + " and event_type = 'operation.status_changed'")
                        .param(id)
                        .query(String.class)
                        .single());
    }

    private List<String> stagesInTheOutbox(String id) {
        return jdbc.sql("select payload->>'toStage' from operations.outbox where operation_id = ?::uuid order by id")
                .param(id)
                .query(String.class)
                .list();
    }

    private void awaitRelayed(String id) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .alias("the outbox events of " + id + " relayed")
                .until(() -> jdbc.sql(
                                        "select count(*) from operations.outbox where operation_id = ?::uuid and published_at is null")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 0);
    }
}
