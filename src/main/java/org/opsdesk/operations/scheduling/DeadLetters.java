package org.opsdesk.operations.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Raises the alarm about outbox events and timers given up on: a WARN log line naming the item and its last error,
 * the counter {@code opsdesk.scheduling.dead_letters} (tag {@code kind}: {@code outbox} or {@code timer}) to alert
 * on, and the gauge {@code opsdesk.scheduling.dead_letters.held} of how many wait for someone now. The record itself
 * is the dead-lettered row in PostgreSQL ({@code operations.outbox.dead_at}, {@code operations.timer_failure}), with
 * its failure count and last error, the same for every node.
 */
@Component
public class DeadLetters {

    public static final String COUNTER = "opsdesk.scheduling.dead_letters";
    public static final String OUTBOX = "outbox";
    public static final String TIMER = "timer";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MeterRegistry meters;

    DeadLetters(MeterRegistry meters, JdbcClient jdbc) {
        this.meters = meters;
        counter(OUTBOX);
        counter(TIMER);
        Gauge.builder(COUNTER + ".held", jdbc, j -> held(j, "operations.outbox where dead_at is not null"))
                .tag("kind", OUTBOX)
                .register(meters);
        Gauge.builder(COUNTER + ".held", jdbc, j -> held(j, "operations.timer_failure where dead_at is not null"))
                .tag("kind", TIMER)
                .register(meters);
    }

    public void deadLettered(String kind, Object id, int failures, String error) {
        counter(kind).increment();
        log.warn(
                "Gave up on {} {} after {} failures; it is dead-lettered until someone fixes it. Last error: {}",
                kind,
                id,
                failures,
                error);
    }

    private Counter counter(String kind) {
        return Counter.builder(COUNTER)
                .description("outbox events and timers given up on after repeated failures")
                .tag("kind", kind)
                .register(meters);
    }

    private static double held(JdbcClient jdbc, String from) {
        return jdbc.sql("select count(*) from " + from).query(Long.class).single();
    }
}
