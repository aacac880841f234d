package org.opsdesk.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.opsdesk.notifications.Deliveries;
import org.opsdesk.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A webhook endpoint failing continuously for five days, without waiting them or backdating rows: its first
 * attempt fails now, the test clock moves five days and a minute on, and the retry fails again, which disables
 * the endpoint. The application's poller is stopped meanwhile and this instance's worker is run by hand, so no
 * retry slips in between; the poller is started again at the end (retries and notices go on as usual).
 */
final class FailingEndpoint {

    static final Duration DISABLED_AFTER = Duration.ofDays(5);

    private FailingEndpoint() {}

    /** The endpoint answers 500 twice, five days apart, to the delivery that {@code newOperation} causes. */
    static void failForFiveDays(
            String endpointId,
            WebhookReceiver receiver,
            Runnable newOperation,
            DeliveryPoller poller,
            TestClock clock,
            JdbcClient jdbc)
            throws InterruptedException {
        poller.stop();
        try {
            receiver.answer(500, 500);
            newOperation.run();
            await("a pending delivery to endpoint " + endpointId)
                    .atMost(Deliveries.WAIT)
                    .untilAsserted(
                            () -> assertThat(count(jdbc, endpointId, "pending")).isEqualTo(1));
            var worker = poller.worker();
            worker.runOnce();
            assertThat(count(jdbc, endpointId, "retrying"))
                    .as("the first failure")
                    .isEqualTo(1);
            clock.advance(DISABLED_AFTER.plusMinutes(1));
            worker.runOnce();
            assertThat(receiver.received())
                    .as("two requests, both answered 500")
                    .hasSize(2);
        } finally {
            poller.start();
        }
    }

    private static int count(JdbcClient jdbc, String endpointId, String state) {
        return jdbc.sql("select count(*) from notifications.delivery where channel = 'webhook' and recipient = ?"
                        + " and state = ?")
                .params(endpointId, state)
                .query(Integer.class)
                .single();
    }
}
