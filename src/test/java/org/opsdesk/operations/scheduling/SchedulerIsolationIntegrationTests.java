package org.opsdesk.operations.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opsdesk.operations.StatusChanged;
import org.opsdesk.support.IntegrationTest;
import org.opsdesk.support.Operations;
import org.opsdesk.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Timers, the outbox relay and maintenance run on separate scheduler threads, and an outbox event or a timer that
 * always fails is retried with back-off, then dead-lettered and alerted on, while everything else goes on.
 */
class SchedulerIsolationIntegrationTests extends IntegrationTest {

    /** Longer than the longest back-off (1 hour), so every advance makes the failed item due again. */
    private static final Duration PAST_ANY_BACKOFF = Duration.ofMinutes(61);

    @Autowired
    ThreadPoolTaskScheduler taskScheduler;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    FailureBackoff backoff;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void relaysAndFiresTimersWhileEveryMaintenanceThreadIsBusy() throws Exception {
        int threads = taskScheduler.getPoolSize();
        var started = new CountDownLatch(threads);
        var release = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            taskScheduler.execute(() -> {
                started.countDown();
                awaitQuietly(release);
            });
        }
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            String order = create(Operations.exchangeOrder()).get("id").asString(); // expires after 2 s

            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(unpublished(UUID.fromString(order))).isZero();
                assertThat(stage(order)).isEqualTo("expired");
            });
        } finally {
            release.countDown();
        }
    }

    @Test
    void relaysTheOtherEventsWhileOneAlwaysFailsThenDeadLettersIt() {
        double alertsBefore = deadLetterCount(DeadLetters.OUTBOX);
        long poison = jdbc.sql(
                        """
                        insert into operations.outbox (event_id, event_type, operation_id, payload, occurred_at)
                        values (gen_random_uuid(), ?, gen_random_uuid(), '"not an event"', now()) returning id""")
                .param(StatusChanged.TYPE)
                .query(Long.class)
                .single();
        try {
            String id = create(Operations.withdrawal()).get("id").asString();

            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            unpublished(UUID.fromString(id)))
                    .as("events after the failing one are relayed")
                    .isZero());
            awaitFailures("operations.outbox where id = ?", poison, 1);
            for (int failures = 2; !backoff.dead(failures - 1); failures++) {
                clock.advance(PAST_ANY_BACKOFF);
                awaitFailures("operations.outbox where id = ?", poison, failures);
            }

            assertThat(isDead("operations.outbox where id = ?", poison)).isTrue();
            assertThat(deadLetterCount(DeadLetters.OUTBOX)).isEqualTo(alertsBefore + 1);
            assertThat(meters.get(DeadLetters.COUNTER + ".held")
                            .tag("kind", DeadLetters.OUTBOX)
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.sql("delete from operations.outbox where id = ?").param(poison).update();
        }
    }

    @Test
    void anEventOfATypeNoReaderKnowsFailsAloneWhileStatusChangesAndAttributeEditsAreRelayed() {
        long unknown = jdbc.sql(
                        """
                        insert into operations.outbox (event_id, event_type, operation_id, payload, occurred_at)
                        values (gen_random_uuid(), 'operation.renamed', gen_random_uuid(), '{}', now()) returning id""")
                .query(Long.class)
                .single();
        try {
            String id = create(Operations.withdrawal()).get("id").asString();
            var edited = editAttributes(id, "{\"note\":\"checked\"}");
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);

            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            unpublished(UUID.fromString(id)))
                    .as("the creation and the edit are relayed")
                    .isZero());
            awaitFailures("operations.outbox where id = ?", unknown, 1);
            assertThat(jdbc.sql("select last_error from operations.outbox where id = ?")
                            .param(unknown)
                            .query(String.class)
                            .single())
                    .contains("unknown outbox event type 'operation.renamed'");
        } finally {
            jdbc.sql("delete from operations.outbox where id = ?")
                    .param(unknown)
                    .update();
        }
    }

    @Test
    void firesTheOtherTimersWhileOneAlwaysFailsThenDeadLettersIt() {
        double alertsBefore = deadLetterCount(DeadLetters.TIMER);
        UUID broken = UUID.randomUUID();
        // a timer on a stage its workflow does not have: firing it fails every time
        jdbc.sql(
                        """
                        insert into operations.operation (id, type, workflow_version, reference, subject, status, stage,
                          version, created_at, updated_at, stage_entered_at, timer_at, history_head)
                        values (?, 'withdrawal', 1, ?, 'broken timer', 'PENDING', 'no_such_stage', 1, now(), now(),
                          now(), now() - interval '1 minute', '\\x00')""")
                .params(broken, "BROKEN-" + broken)
                .update();
        try {
            String order = create(Operations.exchangeOrder()).get("id").asString(); // expires after 2 s

            awaitFailures("operations.timer_failure where operation_id = ?", broken, 1);
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stage(order))
                    .isEqualTo("expired"));
            for (int failures = 2; !backoff.dead(failures - 1); failures++) {
                clock.advance(PAST_ANY_BACKOFF);
                awaitFailures("operations.timer_failure where operation_id = ?", broken, failures);
            }

            assertThat(isDead("operations.timer_failure where operation_id = ?", broken))
                    .isTrue();
            assertThat(deadLetterCount(DeadLetters.TIMER)).isEqualTo(alertsBefore + 1);
        } finally {
            jdbc.sql("delete from operations.operation where id = ?")
                    .param(broken)
                    .update();
            jdbc.sql("delete from operations.timer_failure where operation_id = ?")
                    .param(broken)
                    .update();
        }
    }

    private void awaitFailures(String from, Object id, int failures) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        jdbc.sql("select failures from " + from)
                                .param(id)
                                .query(Integer.class)
                                .optional())
                .contains(failures));
    }

    private boolean isDead(String from, Object id) {
        return jdbc.sql("select dead_at is not null from " + from)
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private double deadLetterCount(String kind) {
        return meters.get(DeadLetters.COUNTER).tag("kind", kind).counter().count();
    }

    private long unpublished(UUID operationId) {
        return jdbc.sql("select count(*) from operations.outbox where operation_id = ? and published_at is null")
                .param(operationId)
                .query(Long.class)
                .single();
    }

    private String stage(String id) {
        return api().get("/api/v1/operations/" + id).json().get("stage").asString();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
