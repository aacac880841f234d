package org.opsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.OperationPermissions;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.operations.scheduling.FailureBackoff;
import org.opsdesk.support.Operations;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dead letters page and API: an outbox event the relay gave up on and a timer the poller gave up on are listed
 * to holders of {@code operations:dead-letters}, released with a reason (recorded in the operation's history) and
 * then relayed or fired; others get neither the page, nor the API, nor the link. (Here, beside the sign-in tests,
 * for their console client.)
 */
class DeadLettersIntegrationTests extends SignInTestSupport {

    private static final String KEEPER = "dead-letter-keeper";
    private static final String DESK = "dead-letter-desk";
    /** Longer than the longest back-off (1 hour), so every advance makes the failed item due again. */
    private static final Duration PAST_ANY_BACKOFF = Duration.ofMinutes(61);

    @Autowired
    private FailureBackoff backoff;

    @Test
    void showsAnEventTheRelayGaveUpOnThenReleasesItWithAReasonAndItIsRelayed() {
        String id = create(Operations.withdrawal()).get("id").asString();
        long event = deadLetteredEventOf(UUID.fromString(id));
        var keeperKey = apiWith(OperationPermissions.DEAD_LETTERS, OperationPermissions.view("withdrawal"));

        JsonNode listed = item(keeperKey.get("/api/v1/dead-letters").json().get("outbox"), String.valueOf(event));
        assertThat(listed.get("operationId").asString()).isEqualTo(id);
        assertThat(listed.get("eventType").asString()).isEqualTo(StatusChanged.TYPE);
        assertThat(listed.get("failures").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(listed.get("lastError").asString()).isNotBlank();

        var console =
                signedInAs(operator(roleWithoutMfa(KEEPER, OperationPermissions.DEAD_LETTERS, "withdrawal:view")));
        assertThat(console.get("/admin").html().select("a[href=/operations/dead-letters]"))
                .isNotEmpty();
        var page = console.get("/operations/dead-letters");
        assertThat(page.status()).isEqualTo(200);
        var row = page.html().getElementById("dead-outbox-" + event);
        assertThat(row).isNotNull();
        assertThat(row.select("a[href=/operations/" + id + "]")).isNotEmpty();

        var withoutReason = console.post("/operations/dead-letters/outbox/" + event + "/release", "reason", " ");
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.html().getElementById("error-outbox-" + event).text())
                .contains("Write why it can be tried again");
        var controlCharacters =
                keeperKey.post("/api/v1/dead-letters/outbox/" + event + "/release", "{\"reason\":\"fixed\\u0007\"}");
        assertThat(controlCharacters.status()).as(controlCharacters.body()).isEqualTo(422);
        assertThat(isDead("operations.outbox where id = ?", event)).isTrue();

        repairPayload(event, UUID.fromString(id)); // the cause is fixed: now the event can be read
        var released = console.post(
                "/operations/dead-letters/outbox/" + event + "/release", "reason", "payload repaired by hand");
        assertThat(released.status()).isEqualTo(302);
        assertThat(console.get(released.location())
                        .html()
                        .select("[role=status]")
                        .text())
                .contains("Released outbox " + event);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                                "select published_at is not null and dead_at is null from operations.outbox where id = ?")
                        .param(event)
                        .query(Boolean.class)
                        .single())
                .as("relayed after the release")
                .isTrue());
        assertThat(history(id))
                .filteredOn(e -> e.get("kind").asString().equals("dead_letter_released"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("payload repaired by hand"));
        assertThat(keeperKey.get("/api/v1/dead-letters").json().get("outbox").toString())
                .doesNotContain("\"" + event + "\"");
    }

    @Test
    void releasesATimerThePollerGaveUpOnAndItFires() {
        String order = create(Operations.exchangeOrder()).get("id").asString();
        UUID orderId = UUID.fromString(order);
        jdbc.sql(
                        """
                        insert into operations.timer_failure
                          (operation_id, timer_at, failures, next_attempt_at, last_error, dead_at)
                        select id, timer_at, 8, timer_at, 'IllegalStateException: no such stage', now()
                        from operations.operation where id = ?""")
                .param(orderId)
                .update();
        clock().advance(Duration.ofMinutes(5)); // the timer is due, but dead: the poller skips it
        var keeperKey = apiWith(OperationPermissions.DEAD_LETTERS, OperationPermissions.view("exchange_order"));
        JsonNode listed = item(keeperKey.get("/api/v1/dead-letters").json().get("timers"), order);
        assertThat(listed.get("stage").asString()).isEqualTo(stage(order));
        assertThat(listed.get("failures").asInt()).isEqualTo(8);

        var withoutTheTypesSight = apiWith(OperationPermissions.DEAD_LETTERS, OperationPermissions.view("withdrawal"));
        assertThat(withoutTheTypesSight.get("/api/v1/dead-letters").body()).doesNotContain(order);
        assertThat(withoutTheTypesSight
                        .post("/api/v1/dead-letters/timer/" + order + "/release", "{\"reason\":\"fixed\"}")
                        .status())
                .isEqualTo(404);
        var released = keeperKey.post(
                "/api/v1/dead-letters/timer/" + order + "/release", "{\"reason\":\"workflow stage restored\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("kind").asString()).isEqualTo("timer");

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stage(order))
                .isEqualTo("expired"));
        assertThat(history(order)).extracting(e -> e.get("kind").asString()).contains("dead_letter_released");
        assertThat(keeperKey
                        .post("/api/v1/dead-letters/timer/" + order + "/release", "{\"reason\":\"again\"}")
                        .status())
                .as("nothing dead any more")
                .isEqualTo(404);
    }

    @Test
    void refusesThePageTheApiAndTheLinkToARoleWithoutThePermission() {
        var console = signedInAs(operator(roleWithoutMfa(DESK, "withdrawal:*")));

        assertThat(console.get("/operations/dead-letters").status()).isEqualTo(403);
        assertThat(console.get("/admin").html().select("a[href=/operations/dead-letters]"))
                .isEmpty();
        var deskKey = apiWith("withdrawal:*");
        assertThat(deskKey.get("/api/v1/dead-letters").status()).isEqualTo(403);
        assertThat(deskKey.post("/api/v1/dead-letters/outbox/1/release", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * An event of the operation whose payload cannot be read, relayed and failed until the relay gives up on it:
     * the way a real one gets there (SchedulerIsolationIntegrationTests checks the back-off itself).
     */
    private long deadLetteredEventOf(UUID operationId) {
        long event = jdbc.sql(
                        """
                        insert into operations.outbox (event_id, event_type, operation_id, payload, occurred_at)
                        values (gen_random_uuid(), ?, ?, '"not an event"', now()) returning id""")
                .params(StatusChanged.TYPE, operationId)
                .query(Long.class)
                .single();
        for (int failures = 1; !backoff.dead(failures - 1); failures++) {
            awaitFailures(event, failures);
            clock().advance(PAST_ANY_BACKOFF);
        }
        assertThat(isDead("operations.outbox where id = ?", event)).isTrue();
        return event;
    }

    /** The operation's own latest event, under a new event id: what a repaired payload would be. */
    private void repairPayload(long event, UUID operationId) {
        jdbc.sql(
                        """
                        update operations.outbox set payload = jsonb_set(
                          (select payload from operations.outbox where operation_id = ? and id <> ? order by id desc
                           limit 1),
                          '{eventId}', to_jsonb(gen_random_uuid()::text))
                        where id = ?""")
                .params(operationId, event, event)
                .update();
    }

    private void awaitFailures(long event, int failures) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        jdbc.sql("select failures from operations.outbox where id = ?")
                                .param(event)
                                .query(Integer.class)
                                .single())
                .isGreaterThanOrEqualTo(failures));
    }

    private boolean isDead(String from, Object id) {
        return jdbc.sql("select dead_at is not null from " + from)
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private static JsonNode item(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no dead letter " + id + " in " + items);
    }

    private List<JsonNode> history(String id) {
        var response = api().get("/api/v1/operations/" + id + "/history");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var entries = new ArrayList<JsonNode>();
        response.json().get("items").forEach(entries::add);
        return entries;
    }

    private String stage(String id) {
        return api().get("/api/v1/operations/" + id).json().get("stage").asString();
    }
}
